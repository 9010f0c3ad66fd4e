"""mode tcp bulk throughput for scripts/bench-proxy, independent of Fulcrum.

sink PORT       accept connections, discard what they send; after the client's half-close
                answer the byte count (8 bytes, big endian) and close.
send PORT N MIB open N connections to PORT at once, send MIB MiB of zeros on each, half-close,
                wait for every count; print "bytes=B seconds=S" (S from first connect to last count).
"""
import socket
import struct
import sys
import threading
import time

CHUNK = 1 << 20


def sink(port):
    server = socket.create_server(("127.0.0.1", port), backlog=64)
    buffer = bytearray(CHUNK)
    view = memoryview(buffer)

    def drain(connection):
        total = 0
        with connection:
            while True:
                n = connection.recv_into(view)
                if n == 0:
                    break
                total += n
            connection.sendall(struct.pack(">Q", total))

    while True:
        connection, _ = server.accept()
        threading.Thread(target=drain, args=(connection,), daemon=True).start()


def send(port, connections, mib):
    payload = bytes(CHUNK)
    counts = [0] * connections
    errors = []

    def one(index):
        try:
            with socket.create_connection(("127.0.0.1", port)) as connection:
                for _ in range(mib):
                    connection.sendall(payload)
                connection.shutdown(socket.SHUT_WR)
                answer = b""
                while len(answer) < 8:
                    more = connection.recv(8 - len(answer))
                    if not more:
                        raise IOError("connection closed before the sink's count")
                    answer += more
                counts[index] = struct.unpack(">Q", answer)[0]
        except OSError as e:
            errors.append(str(e))

    start = time.monotonic()
    threads = [threading.Thread(target=one, args=(i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.monotonic() - start
    expected = connections * mib * CHUNK
    if errors or sum(counts) != expected:
        print("tcp_bulk: expected %d bytes, sink counted %d; errors: %s" % (expected, sum(counts), errors),
              file=sys.stderr)
        sys.exit(1)
    print("bytes=%d seconds=%.3f" % (sum(counts), seconds))


if __name__ == "__main__":
    if sys.argv[1] == "sink":
        sink(int(sys.argv[2]))
    elif sys.argv[1] == "send":
        send(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
    else:
        sys.exit("usage: tcp_bulk.py sink PORT | send PORT CONNECTIONS MIB")
