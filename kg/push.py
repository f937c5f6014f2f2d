"""kg push: load the built graph into a SPARQL 1.1 store (Virtuoso, Fuseki, GraphDB, Oxigraph server).

By SPARQL 1.1 Update (`INSERT DATA`, in batches, over HTTP POST), which every such store
speaks: each article's named graph goes to the same graph IRI, the merged facts (the
build's default graph) to the named graph `kgr:graph/facts` (some stores, Virtuoso among
them, have no writable default graph; their default graph for queries is the union of all);
with --into IRI everything goes, merged, into that one graph. The
data is written by an RDF serializer (N-Triples terms), never spliced from article text.
"""

from __future__ import annotations

import base64
import re
import urllib.error
import urllib.request
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, KgError
from kg.store import Graph, open_graph

BATCH = 200  # triples per request: Virtuoso turns each into SQL and refuses past ~10,000 lines of it


class PushError(KgError):
    """The store refused the data or could not be reached."""

    exit_code = 1


@dataclass(frozen=True)
class Pushed:
    triples: int
    graphs: int
    requests: int


def push(
    graph: Graph | Path | str,
    endpoint: str,
    target_graph: str | None = None,
    user: str | None = None,
    password: str | None = None,
    timeout: float = 60.0,
) -> Pushed:
    """Send every quad of the build to the SPARQL Update endpoint `endpoint`."""
    if not endpoint.startswith(("http://", "https://")):
        raise InputError(f"--endpoint {endpoint!r}: expected an http(s):// SPARQL Update URL")
    if target_graph is not None and (not target_graph.startswith(("http://", "https://", "urn:"))
                                     or re.search(r'[\s<>"{}|^`\\]', target_graph)):
        raise InputError(f"--into {target_graph!r}: expected an absolute IRI")
    if not isinstance(graph, Graph):
        graph = open_graph(graph)
    facts = graph.prefixes()["kgr"] + "graph/facts"
    by_graph: dict[str, list] = defaultdict(list)
    for q in graph.store.quads_for_pattern(None, None, None):
        name = target_graph or (facts if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value)
        by_graph[name].append(q.triple)
    requests = triples = 0
    for name in sorted(by_graph):
        batch = sorted(set(by_graph[name]), key=str)
        triples += len(batch)
        for i in range(0, len(batch), BATCH):
            body = ox.serialize(batch[i : i + BATCH], format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
            update = f"INSERT DATA {{ GRAPH <{name}> {{\n{body}}} }}"  # our own IRIs, checked above
            _post(endpoint, update, user, password, timeout)
            requests += 1
    return Pushed(triples, len(by_graph), requests)


def _post(endpoint: str, update: str, user: str | None, password: str | None, timeout: float) -> None:
    headers = {"Content-Type": "application/sparql-update; charset=utf-8"}
    opener = urllib.request.build_opener()
    if user is not None:
        # Basic for most stores; Digest (Virtuoso's /sparql-auth) is answered by the handler
        mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        mgr.add_password(None, endpoint, user, password or "")
        opener = urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(mgr))
        token = base64.b64encode(f"{user}:{password or ''}".encode()).decode()
        headers["Authorization"] = f"Basic {token}"
    req = urllib.request.Request(endpoint, data=update.encode("utf-8"), headers=headers, method="POST")
    try:
        with opener.open(req, timeout=timeout) as r:
            r.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()[:3]
        raise PushError(f"{endpoint} refused the update (HTTP {exc.code}): {' '.join(detail)[:300]}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise PushError(f"cannot reach {endpoint}: {getattr(exc, 'reason', exc)}") from None
