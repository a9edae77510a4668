import LaureateCore
import NIOConcurrencyHelpers

/// Requests by front end, method and outcome, and their server time by method: what connections
/// fold in once per read burst from their `RequestTally`, with their request and byte counts (one
/// lock per burst, no lock or atomic per request).
///
/// Why not swift-metrics with swift-prometheus: their counters and histograms are updated per
/// event, through a factory's existential and a lock or an atomic each, which on the pipelined
/// path (under a microsecond a request) costs what this whole burst fold costs. The exposition
/// format is small and fixed, so the daemon writes it itself (`PrometheusText`) and keeps its hot
/// path as it was (docs/operations.md has the interleaved A/B).
final class RequestMetrics: Sendable {
    /// Upper bounds of the duration buckets, in seconds: from the fast path's microsecond to a
    /// search or stats over 100 000 records.
    static let bucketBounds: [Double] = [
        0.000_002, 0.000_005, 0.000_01, 0.000_025, 0.000_05, 0.000_1, 0.000_25, 0.000_5, 0.001, 0.002_5, 0.005,
        0.01, 0.025, 0.1, 1,
    ]

    /// Flat arrays, each checked for uniqueness once per fold rather than per row.
    struct State {
        /// By front end (JSON-RPC, varlink), then by tally slot (label × outcome).
        var requests = [Int](repeating: 0, count: 2 * RequestTally.labelCount * 2)
        /// By label, then bucket (+Inf last): per bucket; cumulative counts are made at exposition.
        var buckets = [Int](repeating: 0, count: RequestTally.labelCount * bucketsPerLabel)
        var seconds = [Double](repeating: 0, count: RequestTally.labelCount)
        /// Requests answered (`server.status`'s `requests_total`), and the bytes read and written.
        var requestsServed = 0
        var bytesReceived = 0
        var bytesSent = 0

        func request(frontEnd: Int, slot: Int) -> Int { requests[frontEnd * RequestTally.labelCount * 2 + slot] }
        func buckets(label: Int) -> ArraySlice<Int> {
            buckets[(label * RequestMetrics.bucketsPerLabel)..<((label + 1) * RequestMetrics.bucketsPerLabel)]
        }
    }

    static let bucketsPerLabel = bucketBounds.count + 1

    let state = NIOLockedValueBox(State())

    /// Folds in what a connection counted since its last fold, under the one lock: its tally,
    /// whose requests took `seconds` of server time in all, each observed at the burst's time per
    /// request (exact one at a time; a pipelined burst's mean), and its requests and bytes.
    func record(
        _ tally: RequestTally, requests: Int, bytesReceived: Int, bytesSent: Int, frontEnd: FrontEnd,
        seconds: Double
    ) {
        let total = tally.total
        let perRequest = total > 0 ? seconds / Double(total) : 0
        let bucket = Self.bucketBounds.firstIndex { perRequest <= $0 } ?? Self.bucketBounds.count
        let requestBase = (frontEnd == .jsonRPC ? 0 : 1) * RequestTally.labelCount * 2
        let bucketsPerLabel = Self.bucketsPerLabel
        state.withLockedValue { state in
            state.requestsServed &+= requests
            state.bytesReceived &+= bytesReceived
            state.bytesSent &+= bytesSent
            tally.forEachCounted { slot, count in
                let label = slot >> 1
                state.requests[requestBase + slot] += count
                state.buckets[label * bucketsPerLabel + bucket] += count
                state.seconds[label] += perRequest * Double(count)
            }
        }
    }
}
