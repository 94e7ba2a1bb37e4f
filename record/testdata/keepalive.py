# Two replies on one stream (a socket pair: no connect), the second 2.5 s
# after the first, while a sibling's CPU runs between the loop's report of
# the first and the read: the second wait is measured from its own start
# (1.75 s), not from a readiness left over from the first reply.
import asyncio
import socket
import time


async def client(sock):
    reader, writer = await asyncio.open_connection(sock=sock)
    await reader.readline()
    await reader.readline()
    writer.close()


async def busy():
    await asyncio.sleep(1)
    time.sleep(0.5)
    await asyncio.sleep(0)
    time.sleep(0.25)


async def main():
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    loop.call_later(1, b.send, b"a\n")
    loop.call_later(3.5, b.send, b"b\n")
    await asyncio.gather(client(a), busy())
    b.close()


asyncio.run(main())
