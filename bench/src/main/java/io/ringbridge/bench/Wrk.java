package io.ringbridge.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop HTTP load from {@code wrk}, a separate native process: far cheaper per request than any JVM client,
 * so on a small machine the load generator takes as little as possible of the CPU the gateway needs.
 */
final class Wrk {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    /** "150542 requests in 20.00s"; wrk writes a run of a minute or more in minutes ("2.00m"). */
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([0-9.]+)(ms|s|m)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private Wrk() {
    }

    /** {@code GET uri} with a bearer key. */
    static Load.Result get(URI uri, String apiKey, int connections, double seconds) {
        return run(uri, apiKey, null, connections, seconds);
    }

    /**
     * {@code POST uri} of an SMS to a different recipient each time ({@code {{to}}} in {@code bodyTemplate} becomes
     * +1415 and seven digits).
     */
    static Load.Result postSms(URI uri, String apiKey, String bodyTemplate, int connections, double seconds) {
        String lua = """
                wrk.method = "POST"
                wrk.headers["Content-Type"] = "application/json"
                local n = math.random(0, 1000000)
                request = function()
                  n = n + 1
                  local body = string.gsub('%s', "{{to}}", string.format("+1415%%07d", n %% 10000000))
                  return wrk.format(nil, nil, nil, body)
                end
                """.formatted(bodyTemplate.replace("'", "\\'"));
        return run(uri, apiKey, lua, connections, seconds);
    }

    private static Load.Result run(URI uri, String apiKey, String lua, int connections, double seconds) {
        try {
            List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections,
                    "-d" + Math.round(seconds) + "s", "--latency", "-H", "Authorization: Bearer " + apiKey));
            if (lua != null) {
                Path script = Files.createTempFile("bench-", ".lua");
                Files.writeString(script, lua);
                command.addAll(List.of("-s", script.toString()));
            }
            command.add(uri.toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("wrk failed: " + out);
            }
            Matcher requests = find(REQUESTS, out);
            double elapsed = Double.parseDouble(requests.group(2)) * switch (requests.group(3)) {
                case "ms" -> 0.001;
                case "m" -> 60;
                default -> 1;
            };
            long failures = 0;
            Matcher non2xx = NON_2XX.matcher(out);
            if (non2xx.find()) {
                failures += Long.parseLong(non2xx.group(1));
            }
            Matcher errors = ERRORS.matcher(out);
            if (errors.find()) {
                for (int g = 1; g <= 4; g++) {
                    failures += Long.parseLong(errors.group(g));
                }
            }
            double rate = Double.parseDouble(find(RATE, out).group(1));
            return new Load.Result(Math.round(rate * elapsed), failures, elapsed, micros(out, "50%"), micros(out, "99%"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("wrk is needed (apt-get install wrk)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Matcher find(Pattern pattern, String out) {
        Matcher matcher = pattern.matcher(out);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected wrk output: " + out);
        }
        return matcher;
    }

    /** A latency percentile line of {@code --latency} ("99%   12.34ms") in microseconds. */
    private static long micros(String out, String percentile) {
        Matcher matcher = find(Pattern.compile("^\\s+" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)\\s*$",
                Pattern.MULTILINE), out);
        double value = Double.parseDouble(matcher.group(1));
        return Math.round(switch (matcher.group(2)) {
            case "us" -> value;
            case "ms" -> value * 1_000;
            default -> value * 1_000_000;
        });
    }
}
