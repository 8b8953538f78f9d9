#!/usr/bin/env python3
"""GraphQL latency of screens of the web application, against a running demo app.

Measures, per screen, the query the web application sends (school profile, mentor workspace, practice card, and the
support cycle's programme gaps, municipal roadmap and events list):
latency p50 / p95 / mean over sequential requests, throughput with concurrent clients, and the database
transactions the server reports in extensions.cost.databaseTransactions (round trips per request).

Usage (the app started with `java -Xmx512m -jar target/opora.jar --demo > demo.log`):
    python3 src/test/load/graphql-latency.py --log demo.log [--url http://127.0.0.1:8080] [--requests 300] [--clients 4]
The demo passwords are read from the banner the app prints at start (never written anywhere else).
"""
import argparse
import json
import re
import statistics
import threading
import time
import urllib.error
import urllib.request

SCHOOL_PROFILE = """
query SchoolProfile($id: ID!) {
  school(id: $id) {
    id name type locality enrolment smallSchool regionId latitude longitude
    municipality { id name }
    currentStatuses
    results { year procedure subject grade participants meanScore shareFailing shareHigh }
    regionalMeans { year procedure subject grade meanScore }
    indicators { year indicator label unit kind value }
    assessment {
      runId resultsIndex contextIndex expected residual trend
      statuses { status label method explanation evidence }
      riskProfile { factor label level indicators { indicator label value regionalMedian percentile } }
    }
  }
}"""

MENTOR_WORKSPACE = """
query MentorWorkspace($staleWeeks: Int) {
  myMentoring(staleWeeks: $staleWeeks) {
    me { id fullName }
    mentees {
      relation { id status startDate }
      mentee { id fullName position subjects school { name } }
      deficits { competence competenceLabel level }
      goalsTotal goalsDone planProgress
      overdueGoals { id target deadline }
      lastMeeting { date topic }
      daysSinceContact stale
    }
    reminders { relation { id mentee { fullName } } weeksWithoutMeeting message }
  }
}"""

PRACTICE_CARD = """
query PracticeDetails($id: ID!) {
  practice(id: $id) {
    id title summary description subjects grades level riskFactors authors resources evidenceSummary
    evidence { metric before after unit yearBefore yearAfter improved }
    evidenceLevel status rejectionReason createdBy submittedAt reviewedBy reviewedAt publishedAt version
    authorSchool { id name locality municipalityName }
    adoptions { school { id name municipalityName } date note outcome { change improved description } }
  }
  practiceVocabulary { subjects { code label } riskFactors { code label } levels { code label } }
}"""


PROGRAMME_GAPS = """
query ProgrammeGaps($regionId: ID!, $municipalityId: ID) {
  programmeGaps(regionId: $regionId, municipalityId: $municipalityId, first: 200) {
    totalCount schoolsWithStatus
    edges { node {
      kind kindLabel statuses overdueMeasures
      school { id name municipality { name } }
      programme { id title status statusLabel periodEnd }
    } }
  }
}"""

ROADMAP = """
query Roadmap($id: ID!) {
  roadmap(id: $id) {
    id level title territoryName periodStart periodEnd activityCount overdueCount doneCount canEdit updatedAt
    activities { id position section title deadline responsible plannedResult status actualResult overdue }
  }
}"""

SUPPORT_EVENTS = """
query SupportEvents($regionId: ID!, $first: Int!) {
  supportEvents(regionId: $regionId, first: $first) {
    totalCount
    edges { node {
      id kind kindLabel level format title topic targetGroup audience startDate endDate organiserName place capacity
      registeredCount attendedCount canMarkAttendance
      hostSchool { id name }
      course { id title hours }
      registrations { id attended school { id name } teacher { id fullName } }
    } }
  }
}"""


def post(url, body, token=None):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as refused:
        raise SystemExit(f"HTTP {refused.code}: {refused.read().decode()[:400]}")


def passwords(log_path):
    found = {}
    with open(log_path, encoding="utf-8") as log:
        for line in log:
            m = re.match(r"^\s{2}(admin|region|mentor|teacher|school-admin)\s+(\S+)\s", line)
            if m:
                found[m.group(1)] = m.group(2)
    return found


def login(base, username, password):
    return post(base + "/login", {"username": username, "password": password})["access_token"]


def graphql(base, token, query, variables):
    answer = post(base + "/graphql", {"query": query, "variables": variables}, token)
    if answer.get("errors"):
        raise SystemExit("GraphQL error: " + json.dumps(answer["errors"], ensure_ascii=False)[:400])
    return answer


def measure(base, token, query, variables, requests, clients):
    for _ in range(30):
        graphql(base, token, query, variables)
    latencies = []
    transactions = None
    for _ in range(requests):
        start = time.perf_counter()
        answer = graphql(base, token, query, variables)
        latencies.append((time.perf_counter() - start) * 1000)
        transactions = answer.get("extensions", {}).get("cost", {}).get("databaseTransactions")
    latencies.sort()
    done = [0]
    lock = threading.Lock()
    deadline = time.perf_counter() + 10

    def client():
        while time.perf_counter() < deadline:
            graphql(base, token, query, variables)
            with lock:
                done[0] += 1

    threads = [threading.Thread(target=client) for _ in range(clients)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    throughput = done[0] / (time.perf_counter() - began)
    return {
        "p50": latencies[len(latencies) // 2],
        "p95": latencies[int(len(latencies) * 0.95) - 1],
        "mean": statistics.fmean(latencies),
        "transactions": transactions,
        "throughput": throughput,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--log", required=True, help="the demo app's output, for the printed passwords")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()

    secrets = passwords(args.log)
    admin = login(args.url, "admin", secrets["admin"])
    mentor = login(args.url, "mentor", secrets["mentor"])
    teacher = login(args.url, "teacher", secrets["teacher"])

    low = graphql(args.url, admin, 'query { schools(filter: {regionId: "R74", status: LOW_RESULTS}, first: 1) '
                                   '{ edges { node { id } } } }', {})
    school_id = low["data"]["schools"]["edges"][0]["node"]["id"]
    found = graphql(args.url, admin, 'query { searchPractices(query: "наставничество", first: 1) '
                                     '{ edges { node { id } } } }', {})
    practice_id = found["data"]["searchPractices"]["edges"][0]["node"]["id"]

    roadmaps = graphql(args.url, admin, 'query { roadmaps(regionId: "R74", level: MUNICIPALITY, first: 1) '
                                        '{ edges { node { id } } } }', {})
    roadmap_id = roadmaps["data"]["roadmaps"]["edges"][0]["node"]["id"]

    screens = [
        ("school profile (ШНОР, admin)", admin, SCHOOL_PROFILE, {"id": school_id}),
        ("mentor workspace (mentor)", mentor, MENTOR_WORKSPACE, {"staleWeeks": 4}),
        ("practice card (teacher)", teacher, PRACTICE_CARD, {"id": practice_id}),
        ("programme gaps (region, admin)", admin, PROGRAMME_GAPS, {"regionId": "R74"}),
        ("municipal roadmap (admin)", admin, ROADMAP, {"id": roadmap_id}),
        ("events, 30 (admin)", admin, SUPPORT_EVENTS, {"regionId": "R74", "first": 30}),
    ]
    print(f"{args.requests} sequential requests per screen after 30 warm-up, then {args.clients} clients for 10 s")
    print(f"{'screen':32} {'p50 ms':>8} {'p95 ms':>8} {'mean ms':>8} {'db tx':>6} {'req/s':>8}")
    for name, token, query, variables in screens:
        r = measure(args.url, token, query, variables, args.requests, args.clients)
        print(f"{name:32} {r['p50']:8.1f} {r['p95']:8.1f} {r['mean']:8.1f} {r['transactions']!s:>6} {r['throughput']:8.1f}")


if __name__ == "__main__":
    main()
