#!/usr/bin/env python3
"""Captures the committed seeds of the dns and tls_session targets from real peers, once
(they are in seeds/; run this again only to remake them):

  seeds/dns/*          dnsmasq's replies (tools/dns-sandbox/dnsmasq.conf's records) to our
                       questions, each after the dns target's control byte
  seeds/tls_session/*  the first flight of `openssl s_client` (a ClientHello, for a server
                       session) and `openssl s_server`'s answer to it (ServerHello ... for a
                       client session), each after the target's control byte

usage: fuzz/capture-seeds.py   (needs dnsmasq and openssl; binds 127.0.0.1 ports)
"""
import os, random, socket, struct, subprocess, sys, time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
TYPES = {"A": 1, "AAAA": 28, "MX": 15, "TXT": 16, "SRV": 33, "PTR": 12}
ORDER = ["A", "AAAA", "MX", "TXT", "SRV", "PTR"]  # the target's bits 0-2


def free_port(kind=socket.SOCK_DGRAM):
    s = socket.socket(socket.AF_INET, kind)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def question(name, qtype, edns):
    header = struct.pack(">HHHHHH", random.randrange(65536), 0x0100, 1, 0, 0, 1 if edns else 0)
    labels = b"".join(bytes([len(l)]) + l.encode() for l in name.split(".") if l) + b"\0"
    opt = b"\0" + struct.pack(">HHIH", 41, 1232, 0, 0) if edns else b""
    return header + labels + struct.pack(">HH", qtype, 1) + opt


def dns_seeds():
    out = os.path.join(here, "seeds/dns")
    os.makedirs(out, exist_ok=True)
    port = free_port()
    conf = os.path.join(root, "tools/dns-sandbox/dnsmasq.conf")
    server = subprocess.Popen(["dnsmasq", "--keep-in-foreground", "--no-resolv", "--no-hosts",
                               "--no-poll", "--bind-interfaces", "--listen-address=127.0.0.1",
                               f"--port={port}", "--user=root", "--pid-file=",
                               f"--conf-file={conf}"])
    time.sleep(1)
    asks = [("www.test", "A"), ("v6.test", "AAAA"), ("dual.test", "A"), ("dual.test", "AAAA"),
            ("ttl.test", "A"), ("two.test", "A"), ("alias.test", "A"), ("short.test", "A"),
            ("mail.test", "MX"), ("txt.test", "TXT"), ("_sip._tcp.test", "SRV"),
            ("7.0.0.10.in-addr.arpa", "PTR"), ("nosuch.test", "A"), ("www.test", "MX"),
            ("alias.test", "TXT"), ("www.google.com", "A"), ("x.example", "A")]
    try:
        for i, (name, kind) in enumerate(asks):
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.settimeout(3)
            s.sendto(question(name, TYPES[kind], i % 2 == 1), ("127.0.0.1", port))
            try:
                reply = s.recv(4096)
            except socket.timeout:
                continue
            control = ORDER.index(kind) | 16
            with open(os.path.join(out, f"{name}-{kind}"), "wb") as f:
                f.write(bytes([control]) + reply)
            if i == 0:
                # The same reply, truncated (TC) over UDP, and over TCP (a protocol error).
                tc = reply[:2] + bytes([reply[2] | 2]) + reply[3:]
                for over_tcp, label in ((0, "truncated"), (8, "truncated-tcp")):
                    with open(os.path.join(out, label), "wb") as f:
                        f.write(bytes([control | over_tcp]) + tc)
    finally:
        server.terminate()
        server.wait()


def tls_seeds():
    out = os.path.join(here, "seeds/tls_session")
    os.makedirs(out, exist_ok=True)
    fixtures = os.path.join(root, "conformance/api/tls/fixtures")
    for version in ("-tls1_2", "-tls1_3"):
        # A ClientHello: what openssl s_client sends a listener first.
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]
        client = subprocess.Popen(["openssl", "s_client", version, "-connect", f"127.0.0.1:{port}",
                                   "-servername", "localhost"], stdin=subprocess.PIPE,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        conn, _ = listener.accept()
        conn.settimeout(3)
        hello = conn.recv(16384)
        conn.close()
        listener.close()
        client.kill()
        client.wait()
        with open(os.path.join(out, f"client-hello{version}"), "wb") as f:
            f.write(bytes([0]) + hello)
        # openssl s_server's answer to it: what a client session reads.
        port = free_port(socket.SOCK_STREAM)
        server = subprocess.Popen(["openssl", "s_server", version, "-accept", str(port),
                                   "-cert", f"{fixtures}/server.pem", "-key",
                                   f"{fixtures}/server.key", "-naccept", "1"],
                                  stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        time.sleep(1)
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(hello)
        s.settimeout(2)
        answer = b""
        try:
            while True:
                chunk = s.recv(16384)
                if not chunk:
                    break
                answer += chunk
        except socket.timeout:
            pass
        s.close()
        server.kill()
        server.wait()
        with open(os.path.join(out, f"server-flight{version}"), "wb") as f:
            f.write(bytes([1]) + answer)


dns_seeds()
tls_seeds()
