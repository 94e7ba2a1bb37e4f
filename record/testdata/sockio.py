# loop.sock_recv on a socket pair whose data a timer sends at 3 s, beside a
# 1 s CPU phase ("socket": io 3), then, alone, a call to the thread pool
# that takes 2 s ("thread": io 2; alone, so that nothing else moves the
# virtual clock while the thread sleeps).
import asyncio
import socket
import time


async def receive():
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    loop.call_later(3, b.send, b"x")
    await loop.sock_recv(a, 1)
    time.sleep(0.25)
    a.close()
    b.close()


async def busy():
    time.sleep(1)


async def offload():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, time.sleep, 2)


async def main():
    await asyncio.gather(receive(), busy())
    await asyncio.gather(offload())


asyncio.run(main())
