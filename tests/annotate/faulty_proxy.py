"""A tiny HTTP proxy in front of the real Label Studio server that injects faults on purpose.

`rule(method, path, n)` (n counts requests from 1) returns what to do with a request:
"pass", "slow" (wait 5 s, then pass: past a short client timeout), "502" (answer 502 without forwarding), "forward-502" (forward, then answer 502: the server
did the work but the client never hears), "drop" (close the connection without an answer) or
"forward-drop".
"""

from __future__ import annotations

import http.client
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

Rule = Callable[[str, str, int], str]


class FaultyProxy:
    def __init__(self, upstream: str, rule: Rule):
        self.upstream = urlsplit(upstream)
        self.rule = rule
        self.count = 0
        self.log: list[tuple[str, str, str]] = []
        self._lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def _handle(self):
                try:
                    self._proxy()
                except (BrokenPipeError, ConnectionResetError):  # the client gave up first (timeouts)
                    self.close_connection = True

            def _proxy(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with proxy._lock:
                    proxy.count += 1
                    action = proxy.rule(self.command, self.path, proxy.count)
                    proxy.log.append((self.command, self.path, action))
                if action == "slow":
                    time.sleep(5.0)
                if action == "502":
                    return self._answer(502, b"bad gateway (injected)")
                if action == "drop":
                    self.close_connection = True
                    self.connection.close()
                    return
                conn = http.client.HTTPConnection(proxy.upstream.hostname, proxy.upstream.port, timeout=60)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
                conn.request(self.command, self.path, body=body or None, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
                conn.close()
                if action == "forward-502":
                    return self._answer(502, b"bad gateway (injected after forwarding)")
                if action == "forward-drop":
                    self.close_connection = True
                    self.connection.close()
                    return
                self.send_response(resp.status)
                for k, v in resp.getheaders():
                    if k.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _answer(self, status: int, text: bytes):
                self.send_response(status)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(text)))
                self.end_headers()
                self.wfile.write(text)

            do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FaultyProxy:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def actions(self, action: str) -> int:
        return sum(1 for _, _, a in self.log if a == action)
