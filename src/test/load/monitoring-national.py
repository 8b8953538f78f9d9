#!/usr/bin/env python3
"""Monitoring at national scale (issue 16): every region's indicator dashboard and regional справка, over HTTP.

Against a running application holding a national set (e.g. the generated 85 regions / 40,000 schools, imported and
identified for two years), signed in as a user who may read every region:
    OPORA_USER=admin OPORA_PASSWORD=... python3 src/test/load/monitoring-national.py \
        [--url http://127.0.0.1:8080] [--year 2025] [--calls 20] [--regions N01,N02,...]
Per region: the dashboard's first call (the region's facts read and every indicator computed), the median and p95 of
the next --calls calls (what a coordinator meets), the answer's size, and the regional справка as PDF and as XLSX.
The dashboard query is the one the web page sends (src/web/src/pages/monitoring/queries.ts).
"""
import argparse, json, os, statistics, time, urllib.request

FIGURE = "indicator { code name group formula unit direction source documents } value numerator denominator " \
         "previousValue change evaluation target { plannedValue setAt inherited }"
DASHBOARD = """query MonitoringDashboard($territory: MonitoringTerritoryInput!, $year: Int!) {
  monitoringDashboard(territory: $territory, year: $year) {
    territory { level id name } year years figures { %s }
    parts { territory { level id name } figures { indicator { code unit direction } value numerator denominator evaluation
      target { plannedValue setAt inherited } } } } }""" % FIGURE


def request(url, body=None, token=None):
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if token:
        headers["Authorization"] = "Bearer " + token
    req = urllib.request.Request(url, data=None if body is None else json.dumps(body).encode(), headers=headers)
    started = time.perf_counter()
    with urllib.request.urlopen(req, timeout=120) as response:
        data = response.read()
    return (time.perf_counter() - started) * 1000, data


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--calls", type=int, default=20)
    parser.add_argument("--regions", default=",".join(f"N{i:02d}" for i in range(1, 86)))
    args = parser.parse_args()
    _, body = request(args.url + "/login", {"username": os.environ.get("OPORA_USER", "admin"),
                                            "password": os.environ["OPORA_PASSWORD"]})
    token = json.loads(body)["access_token"]
    firsts, repeated, pdfs, xlsxs = [], [], [], []
    started = time.perf_counter()
    print("region  first ms  p50 ms  p95 ms  answer kB  pdf ms  pdf kB  xlsx ms  xlsx kB")
    for region in args.regions.split(","):
        variables = {"territory": {"regionId": region}, "year": args.year}
        first, body = request(args.url + "/graphql", {"query": DASHBOARD, "variables": variables}, token)
        answer = json.loads(body)
        if answer.get("errors"):
            raise SystemExit(f"{region}: {answer['errors'][0]['message']}")
        times = sorted(request(args.url + "/graphql", {"query": DASHBOARD, "variables": variables}, token)[0]
                       for _ in range(args.calls))
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        query = f"?regionId={region}&year={args.year}"
        pdf_ms, pdf = request(args.url + "/api/reports/regional.pdf" + query, token=token)
        xlsx_ms, xlsx = request(args.url + "/api/reports/regional.xlsx" + query, token=token)
        firsts.append(first); repeated.extend(times); pdfs.append(pdf_ms); xlsxs.append(xlsx_ms)
        print(f"{region:6} {first:9.0f} {statistics.median(times):7.1f} {p95:7.1f} {len(body) / 1024:10.0f} "
              f"{pdf_ms:7.0f} {len(pdf) / 1024:7.0f} {xlsx_ms:8.0f} {len(xlsx) / 1024:8.0f}", flush=True)
    repeated.sort()
    print(f"\n{len(firsts)} regions in {time.perf_counter() - started:.1f} s")
    print(f"dashboard, repeated calls: p50 {statistics.median(repeated):.1f} ms, "
          f"p95 {repeated[int(len(repeated) * 0.95)]:.1f} ms, max {repeated[-1]:.1f} ms; first call: "
          f"median {statistics.median(firsts):.0f} ms, max {max(firsts):.0f} ms")
    print(f"regional справка: PDF median {statistics.median(pdfs):.0f} ms, max {max(pdfs):.0f} ms, all "
          f"{sum(pdfs) / 1000:.1f} s; XLSX median {statistics.median(xlsxs):.0f} ms, max {max(xlsxs):.0f} ms, all "
          f"{sum(xlsxs) / 1000:.1f} s")


if __name__ == "__main__":
    main()
