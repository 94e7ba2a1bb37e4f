# Reads stdin and its arguments, writes stdout and stderr, exits with the
# status given as its first argument.
import asyncio
import sys


async def upper(line):
    await asyncio.sleep(0)
    return line.upper()


async def main():
    lines = sys.stdin.read().splitlines()
    out = await asyncio.gather(*(upper(l) for l in lines))
    print("\n".join(out))
    print("args:", " ".join(sys.argv[1:]), file=sys.stderr)


asyncio.run(main())
sys.exit(int(sys.argv[1]))
