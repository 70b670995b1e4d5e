"""Parsing wrk's report (bench/scale/wrk.py): the figures the scale benchmark's HTTP rows are built on."""

import pytest

from bench.scale.wrk import parse_wrk, wrk_command

# Captured from `wrk -t2 -c20 -d10s --timeout 10s --latency` on the lesson page (bench/scale/http.py, a loaded
# machine): seconds with a trailing space, as wrk pads them.
CAPTURED = (
    "Running 10s test @ http://127.0.0.1:41547/learning/family-inclusive-practice/who-counts-as-family/\n"
    "  2 threads and 20 connections\n"
    "  Thread Stats   Avg      Stdev     Max   +/- Stdev\n"
    "    Latency     2.09s   437.92ms   2.66s    85.88%\n"
    "    Req/Sec     7.74      3.73    20.00     74.36%\n"
    "  Latency Distribution\n"
    "     50%    2.24s \n"
    "     75%    2.29s \n"
    "     90%    2.34s \n"
    "     99%    2.66s \n"
    "  85 requests in 10.08s, 788.75KB read\n"
    "Requests/sec:      8.44\n"
    "Transfer/sec:     78.28KB\n"
)

# wrk's format against a page that sometimes failed: the two error lines wrk adds only when it counts some.
WITH_ERRORS = """\
Running 10s test @ http://127.0.0.1:40321/modules/alcohol-and-families/talking-about-drinking/
  2 threads and 20 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   187.32ms   45.21ms 612.40ms   71.25%
    Req/Sec    53.41     14.02    90.00     68.50%
  Latency Distribution
     50%  180.11ms
     75%  210.45ms
     90%  245.02ms
     99%  406.33ms
  1067 requests in 10.02s, 21.03MB read
  Non-2xx or 3xx responses: 2
  Socket errors: connect 0, read 3, write 0, timeout 1
Requests/sec:    106.50
Transfer/sec:      2.10MB
"""

# A fast page: microseconds and seconds in the same report, and no error lines at all.
CLEAN = """\
Running 10s test @ http://127.0.0.1:40321/bench-bare/
  2 threads and 20 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   850.20us    1.10ms   1.02s    95.00%
    Req/Sec     4.01k   320.55     4.60k    80.00%
  Latency Distribution
     50%  712.00us
     75%    0.98ms
     90%    1.40ms
     99%    1.50s
  79860 requests in 10.10s, 11.20MB read
Requests/sec:   7907.92
Transfer/sec:      1.11MB
"""


def test_a_captured_report():
    figures = parse_wrk(CAPTURED)
    assert figures["requests_per_sec"] == 8.44
    assert figures["latency_ms"] == {"50": 2240.0, "75": 2290.0, "90": 2340.0, "99": 2660.0}
    assert figures["latency_mean_ms"] == 2090.0
    assert figures["requests"] == 85
    assert figures["non_2xx_3xx"] == 0


def test_requests_per_second_and_latency_distribution():
    figures = parse_wrk(WITH_ERRORS)
    assert figures["requests_per_sec"] == 106.50
    assert figures["latency_ms"] == {"50": 180.11, "75": 210.45, "90": 245.02, "99": 406.33}
    assert figures["latency_mean_ms"] == 187.32
    assert figures["requests"] == 1067
    assert figures["duration_s"] == pytest.approx(10.02)


def test_failed_responses_and_socket_errors_are_counted():
    figures = parse_wrk(WITH_ERRORS)
    assert figures["non_2xx_3xx"] == 2
    assert figures["socket_errors"] == {"connect": 0, "read": 3, "write": 0, "timeout": 1}


def test_microseconds_and_seconds_become_milliseconds():
    figures = parse_wrk(CLEAN)
    assert figures["requests_per_sec"] == 7907.92
    assert figures["latency_ms"]["50"] == pytest.approx(0.712)
    assert figures["latency_ms"]["75"] == pytest.approx(0.98)
    assert figures["latency_ms"]["99"] == pytest.approx(1500.0)
    assert figures["latency_mean_ms"] == pytest.approx(0.8502)


def test_a_report_without_error_lines_has_none():
    figures = parse_wrk(CLEAN)
    assert figures["non_2xx_3xx"] == 0
    assert figures["socket_errors"] == {"connect": 0, "read": 0, "write": 0, "timeout": 0}


def test_a_report_without_requests_per_second_is_refused():
    with pytest.raises(ValueError, match="Requests/sec"):
        parse_wrk(CLEAN.replace("Requests/sec:   7907.92\n", ""))


def test_the_command_asks_for_the_distribution_signed_in():
    command = wrk_command("http://127.0.0.1:1/x/", cookie="sessionid=abc", seconds=10)
    assert command[:5] == ["wrk", "-t2", "-c20", "-d10s", "--timeout"]
    assert "--latency" in command
    assert command[-3:] == ["-H", "Cookie: sessionid=abc", "http://127.0.0.1:1/x/"]
