"""The seed thread's Flask delay server: GET /delay/N answers after N ms.

Listens on 127.0.0.1 on a free port, which it prints as "PORT n" once it
serves; threaded, so that requests wait in parallel. Werkzeug's
development server (2.1 and later) closes every connection after its
response ("Connection: close"), so clients cannot pool connections to it:
the pooled setups use the Go server of experiments/hop. Bounded: at most --limit requests (503
after), delays at most 10 s, and it exits after --lifetime seconds.
"""

import argparse
import sys
import threading
import time

from flask import Flask, abort
from werkzeug.serving import make_server

p = argparse.ArgumentParser()
p.add_argument("--limit", type=int, default=2000)
p.add_argument("--lifetime", type=float, default=1800)
opts = p.parse_args()

app = Flask(__name__)
lock = threading.Lock()
served = [0]


@app.route("/delay/<int:ms>")
def delay(ms):
    with lock:
        served[0] += 1
        if served[0] > opts.limit:
            abort(503)
    if ms > 10000:
        abort(400)
    time.sleep(ms / 1000)
    return "delay %d" % ms


server = make_server("127.0.0.1", 0, app, threaded=True)
threading.Timer(opts.lifetime, lambda: server.shutdown()).start()
print("PORT %d" % server.port, flush=True)
server.serve_forever()
sys.exit(0)
