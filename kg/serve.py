"""kg serve: a read-only SPARQL 1.1 Protocol endpoint on 127.0.0.1 over the built store.

For YASGUI, SPARQLWrapper, curl. Each query runs in a forked child process that opens the
store read-only; a query that runs past the timeout is stopped by killing its process
(Oxigraph cannot interrupt a query from outside), and results stop at the row limit (the
response then carries `X-KG-Truncated: true`). Updates are refused.
"""

from __future__ import annotations

import json
import multiprocessing
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError
from kg.store import STORE_DIR, open_graph

SELECT_TYPES = {
    "application/sparql-results+json": "json", "application/json": "json",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES}


def negotiate(accept: str, kind: str) -> str:
    """The media type to answer with, from the Accept header (first match wins; default first)."""
    table = GRAPH_TYPES if kind == "graph" else SELECT_TYPES
    for part in (accept or "").split(","):
        media = part.split(";")[0].strip().lower()
        if media in table:
            return media
    return "text/turtle" if kind == "graph" else "application/sparql-results+json"


def _term_json(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def _cell(term, sep: str) -> str:
    """One value: TSV writes RDF terms (N-Triples syntax), CSV plain values, quoted where needed."""
    if term is None:
        return ""
    if sep == "\t":
        return str(term).replace("\t", " ").replace("\n", "\\n")
    text = term.value if not isinstance(term, ox.BlankNode) else f"_:{term.value}"
    if any(c in text for c in ',"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def answer(store, query: str, accept: str, limit: int, prefixes: dict[str, str]) -> tuple[int, str, bytes, bool]:
    """(status, media type, body, truncated) for one query against one store."""
    try:
        result = store.query(query, use_default_graph_as_union=True, prefixes=prefixes)
    except SyntaxError as exc:
        return 400, "text/plain; charset=utf-8", f"malformed SPARQL: {exc}".encode(), False
    except (OSError, RuntimeError) as exc:
        return 500, "text/plain; charset=utf-8", f"the query failed: {exc}".encode(), False
    if isinstance(result, ox.QueryBoolean):
        xml = "xml" in (accept or "")
        fmt = ox.QueryResultsFormat.XML if xml else ox.QueryResultsFormat.JSON
        media = "application/sparql-results+xml" if xml else "application/sparql-results+json"
        return 200, media, result.serialize(format=fmt), False
    if isinstance(result, ox.QueryTriples):
        triples, truncated = [], False
        for t in result:
            if len(triples) == limit:
                truncated = True
                break
            triples.append(t)
        media = negotiate(accept, "graph")
        return 200, media, ox.serialize(triples, format=GRAPH_TYPES[media]), truncated
    names = [v.value for v in result.variables]
    rows, truncated = [], False
    for sol in result:
        if len(rows) == limit:
            truncated = True
            break
        rows.append([sol[n] for n in names])
    media = negotiate(accept, "select")
    kind = SELECT_TYPES[media]
    if kind == "json":
        body = {"head": {"vars": names}, "results": {"bindings": [
            {n: _term_json(v) for n, v in zip(names, row) if v is not None} for row in rows]}}
        return 200, media, json.dumps(body, ensure_ascii=False).encode("utf-8"), truncated
    sep = "," if kind == "csv" else "\t"
    head = sep.join(names if kind == "csv" else [f"?{n}" for n in names])
    lines = [head] + [sep.join(_cell(v, sep) for v in row) for row in rows]
    return 200, media + "; charset=utf-8", ("\r\n".join(lines) + "\r\n").encode("utf-8"), truncated


def _child(conn, store_path: str | None, memory_store, query: str, accept: str, limit: int, prefixes) -> None:
    try:
        store = ox.Store.read_only(store_path) if store_path else memory_store
        conn.send(answer(store, query, accept, limit, prefixes))
    except Exception as exc:  # reported to the client, never a traceback on the server's console
        conn.send((500, "text/plain; charset=utf-8", f"the query failed: {exc}".encode(), False))
    finally:
        conn.close()


class Endpoint:
    """The state a server needs: where the store is, the prefixes, the limits."""

    def __init__(self, source: Path, timeout: float, limit: int):
        graph = open_graph(source)
        store_dir = Path(source) / STORE_DIR
        self.store_path = str(store_dir.resolve()) if Path(source).is_dir() and store_dir.exists() else None
        self.memory_store = None if self.store_path else graph.store
        self.prefixes = graph.prefixes()
        self.timeout, self.limit = timeout, limit

    def run(self, query: str, accept: str) -> tuple[int, str, bytes, bool]:
        ctx = multiprocessing.get_context("fork")
        parent, child = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_child, args=(child, self.store_path, self.memory_store, query, accept,
                                                self.limit, self.prefixes), daemon=True)
        proc.start()
        child.close()
        try:
            if parent.poll(self.timeout):
                return parent.recv()
            return 503, "text/plain; charset=utf-8", f"query timed out after {self.timeout:g} s".encode(), False
        except EOFError:
            return 500, "text/plain; charset=utf-8", b"the query process ended without an answer", False
        finally:
            if proc.is_alive():
                proc.kill()
            proc.join(1)
            parent.close()


def make_server(source: Path, host: str = "127.0.0.1", port: int = 7878, timeout: float = 10.0,
                limit: int = 10_000) -> ThreadingHTTPServer:
    """A server ready to serve_forever(); port 0 picks a free port (see server.server_port)."""
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise InputError("kg serve listens on the loopback interface only")
    endpoint = Endpoint(Path(source), timeout, limit)

    class Handler(BaseHTTPRequestHandler):
        server_version = "kg-sparql/1"

        def log_message(self, fmt, *args):  # quiet: the CLI prints what matters
            return

        def _send(self, status: int, media: str, body: bytes, truncated: bool = False) -> None:
            self.send_response(status)
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Access-Control-Allow-Origin", "*")  # YASGUI in a browser
            if truncated:
                self.send_header("X-KG-Truncated", "true")
            self.end_headers()
            self.wfile.write(body)

        def _query(self, params: dict[str, list[str]], body_query: str | None = None) -> None:
            if "update" in params:
                self._send(403, "text/plain; charset=utf-8", b"this endpoint is read-only")
                return
            query = body_query if body_query is not None else (params.get("query") or [None])[0]
            if not query:
                self._send(400, "text/plain; charset=utf-8", b"no query: give ?query=... (SPARQL 1.1 Protocol)")
                return
            self._send(*endpoint.run(query, self.headers.get("Accept", "")))

        def do_GET(self) -> None:
            url = urllib.parse.urlsplit(self.path)
            if url.path not in ("/sparql", "/"):
                self._send(404, "text/plain; charset=utf-8", b"the endpoint is /sparql")
                return
            params = urllib.parse.parse_qs(url.query)
            if url.path == "/" and "query" not in params:
                self._send(200, "text/plain; charset=utf-8", b"kg SPARQL endpoint: GET or POST /sparql?query=...\n")
                return
            self._query(params)

        def do_POST(self) -> None:
            url = urllib.parse.urlsplit(self.path)
            if url.path != "/sparql":
                self._send(404, "text/plain; charset=utf-8", b"the endpoint is /sparql")
                return
            length = int(self.headers.get("Content-Length") or 0)
            data = self.rfile.read(length).decode("utf-8", "replace")
            media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if media == "application/sparql-query":
                self._query(urllib.parse.parse_qs(url.query), data)
            elif media == "application/sparql-update":
                self._send(403, "text/plain; charset=utf-8", b"this endpoint is read-only")
            else:
                self._query(urllib.parse.parse_qs(data))

    return ThreadingHTTPServer((host, port), Handler)
