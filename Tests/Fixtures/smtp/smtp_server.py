#!/usr/bin/env python3
"""A real SMTP server on loopback for the tests (aiosmtpd, from PyPI): every message it accepts is written, exactly
as it arrived (after SMTP's dot-unstuffing), to MAILDIR/NNNN.eml, with the envelope in NNNN.env.

  smtp_server.py MAILDIR PORTFILE [--refuse ADDRESS]... [--drop]

--refuse ADDRESS  answers RCPT TO:<ADDRESS> with 550 (the recipient refused).
--drop            reads each message's data, then drops the connection without answering and keeps nothing.
The port it listens on is written to PORTFILE once it is ready. Stops on SIGTERM.
"""
import asyncio, os, signal, socket, sys

from aiosmtpd.controller import Controller


class Handler:
    def __init__(self, maildir, refuse, drop):
        self.maildir, self.refuse, self.drop, self.count = maildir, {a.lower() for a in refuse}, drop, 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refuse:
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.drop:
            session.transport.close()
            return "421 closing"  # never reaches the client: the connection is gone
        self.count += 1
        base = os.path.join(self.maildir, "%04d" % self.count)
        with open(base + ".tmp", "wb") as f:
            f.write(envelope.original_content)
            f.flush()
            os.fsync(f.fileno())
        with open(base + ".env", "w") as f:
            f.write("from %s\nto %s\n" % (envelope.mail_from, " ".join(envelope.rcpt_tos)))
        os.rename(base + ".tmp", base + ".eml")
        return "250 2.0.0 Ok: queued as %04d" % self.count


def main():
    args = sys.argv[1:]
    maildir, portfile = args[0], args[1]
    refuse = [args[i + 1] for i, a in enumerate(args) if a == "--refuse"]
    drop = "--drop" in args
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    controller = Controller(Handler(maildir, refuse, drop), hostname="127.0.0.1", port=port)
    controller.start()
    with open(portfile + ".tmp", "w") as f:
        f.write(str(port))
    os.rename(portfile + ".tmp", portfile)
    signal.sigwait({signal.SIGTERM, signal.SIGINT})
    controller.stop()


if __name__ == "__main__":
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    main()
