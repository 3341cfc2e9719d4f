"""Shortest paths on a grid city with one-way streets: Dijkstra with heapq, the path rebuilt
from predecessors, and a check against Bellman-Ford."""

import heapq


def grid_graph(size):
    graph = {}
    for r in range(size):
        for c in range(size):
            edges = []
            for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
                nr, nc = r + dr, c + dc
                if 0 <= nr < size and 0 <= nc < size:
                    if (r * 7 + c * 3 + dr + 2 * dc) % 5 == 0:
                        continue  # a one-way street
                    edges.append(((nr, nc), 1 + (r * 31 + c * 17 + nr * 7) % 9))
            graph[(r, c)] = edges
    return graph


def dijkstra(graph, start):
    dist = {start: 0}
    prev = {}
    heap = [(0, start)]
    while heap:
        d, node = heapq.heappop(heap)
        if d > dist[node]:
            continue
        for nxt, w in graph[node]:
            nd = d + w
            if nd < dist.get(nxt, float("inf")):
                dist[nxt] = nd
                prev[nxt] = node
                heapq.heappush(heap, (nd, nxt))
    return dist, prev


def bellman_ford(graph, start):
    dist = {node: float("inf") for node in graph}
    dist[start] = 0
    for _ in range(len(graph)):
        changed = False
        for node, edges in graph.items():
            for nxt, w in edges:
                if dist[node] + w < dist[nxt]:
                    dist[nxt] = dist[node] + w
                    changed = True
        if not changed:
            break
    return dist


graph = grid_graph(12)
dist, prev = dijkstra(graph, (0, 0))
target = (11, 11)
path = [target]
while path[-1] != (0, 0):
    path.append(prev[path[-1]])
path.reverse()
print("distance:", dist[target], "hops:", len(path) - 1)
print("path:", " ".join("%d,%d" % p for p in path[:8]), "...")
bf = bellman_ford(graph, (0, 0))
print("agrees with Bellman-Ford:", all(bf[n] == dist.get(n, float("inf")) for n in graph))
print("farthest:", max(dist.values()), "reachable:", len(dist))
print("nsmallest:", heapq.nsmallest(3, dist.values()), heapq.nlargest(2, dist.values()))
