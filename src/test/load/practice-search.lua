-- wrk script: POSTs GraphQL practice searches (what the search page asks: 20 hits with highlights, the seven
-- facets, the total), cycling through realistic teachers' queries, each thread starting at its own offset.
-- Usage (see practice-search-load.sh): TOKEN=... wrk -t2 -c50 -d60s --latency -s practice-search.lua http://127.0.0.1:8080
local queries = {
  "работа с родителями", "наставничество", "наставнечество", "функциональная грамотность",
  "функциональная грамотность 8 класс", "подготовка к ОГЭ по математике в малокомплектной школе",
  "дети-мигранты русский язык", "читательская грамотность", "молодой педагог", "ШНОР",
  "малочисленная школа", "5 кл. русский язык неуспевающие", "дистанционное обучение в отдаленных селах",
  "методическая помощь учителям", "\"школа полного дня\" -питание", "естественнонаучная грамотность",
  "ОГЭ OR ЕГЭ русский язык", "профориентация", "математика", "дети с ОВЗ", "учителям", "практикой",
  "проектная деятельность", "мотивация учащихся"
}
local document = [[query Search($q: String, $first: Int) { searchPractices(query: $q, first: $first) {
  totalCount tookMs pageInfo { hasNextPage endCursor }
  edges { cursor score node { id title summary status } highlights { field fragments } }
  facets { subjects { value label count selected } grades { value label count selected }
    riskFactors { value label count selected } levels { value label count selected }
    municipalities { value label count selected } evidenceLevels { value label count selected }
    statuses { value label count selected } } } }]]

local function json_string(s)
  return '"' .. s:gsub('\\', '\\\\'):gsub('"', '\\"'):gsub('\n', '\\n') .. '"'
end

local bodies = {}
for i, q in ipairs(queries) do
  bodies[i] = '{"query":' .. json_string(document) .. ',"variables":{"q":' .. json_string(q) .. ',"first":20}}'
end

local counter = 0
errors_seen = 0 -- global: done() reads it from each thread
local threads = {}

function setup(thread)
  thread:set("offset", #threads * 7)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
  counter = offset or 0
end

function request()
  counter = counter + 1
  return wrk.format(nil, "/graphql", nil, bodies[(counter % #bodies) + 1])
end

function response(status, headers, body)
  -- A GraphQL error still answers 200: count it, so a broken run cannot pass for a fast one.
  if status ~= 200 or body:find('"errors"', 1, true) then
    errors_seen = errors_seen + 1
    if errors_seen <= 3 then io.stderr:write("bad response " .. status .. ": " .. body:sub(1, 300) .. "\n") end
  end
end

function done(summary, latency, requests)
  local graphql_errors = 0
  for _, thread in ipairs(threads) do graphql_errors = graphql_errors + (thread:get("errors_seen") or 0) end
  io.write(string.format("requests %d in %.1f s = %.0f req/s; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; "
      .. "non-2xx or socket errors %d, GraphQL errors %d\n", summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
      summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, graphql_errors))
end
