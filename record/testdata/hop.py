# The asker's last variant with the standard library: CPU, a request on a
# new connection to a server in the same program, CPU. open_connection
# takes loop turns before the request leaves (recorded as "hop" waits);
# the reply comes through the selector ("socket").
import asyncio
import time


async def serve(reader, writer):
    delay = float(await reader.readline())
    await asyncio.sleep(delay)
    writer.write(b"done\n")
    await writer.drain()
    writer.close()


async def request(port, delay):
    time.sleep(0.5)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"%g\n" % delay)
    await reader.readline()
    writer.close()
    time.sleep(0.5)


async def main():
    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    await asyncio.gather(request(port, 3), request(port, 1))
    server.close()


asyncio.run(main())
