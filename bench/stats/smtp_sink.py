#!/usr/bin/env python3
"""A local SMTP server for bench/stats: accepts every message and counts them (count written to argv[2]).
Run with -W ignore::DeprecationWarning (smtpd and asyncore are deprecated in Python 3.11, still there)."""
import asyncore
import smtpd
import sys


class CountingServer(smtpd.SMTPServer):
    def __init__(self, port, count_file):
        super().__init__(("127.0.0.1", port), None, decode_data=False)
        self.count_file = count_file
        self.count = 0

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        self.count += 1
        with open(self.count_file, "w") as out:
            out.write(str(self.count))


if __name__ == "__main__":
    CountingServer(int(sys.argv[1]), sys.argv[2])
    asyncore.loop()
