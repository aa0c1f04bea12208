/// Command-line options of `shaken-bench`.
struct BenchmarkOptions: Sendable {
    /// Exit non-zero when a target is missed.
    var check = false
    /// Fewer inputs and rounds, for a smoke run.
    var quick = false
    /// Runs one group only (`sign`, `verify`, `scope`, `crl` or `issuance`), e.g. under a profiler; the targets of
    /// the other groups are then not checked.
    var only: String?

    /// Distinct PASSporTs signed and verified per round.
    var passports: Int { quick ? 256 : 1_000 }
    /// Interleaved rounds for the signing and verification ratios (odd, so the median is a sample).
    var rounds: Int { quick ? 5 : 25 }
    /// Chunks per round: baseline and measured code alternate chunk by chunk.
    var chunks: Int { 20 }
    /// Timed runs of the TNScope encompassing check.
    var scopeRuns: Int { quick ? 3 : 7 }
    /// Entries in each TNScope list.
    var scopeEntries: Int { 10_000 }
    /// Entries in the large CRL.
    var crlEntries: Int { 1_000_000 }
    /// Timed parses of the large CRL.
    var crlParses: Int { quick ? 1 : 3 }

    /// Complete ACME issuances timed.
    var issuances: Int { quick ? 200 : 1_000 }
    /// Issuances in flight at once.
    var issuancesInFlight: Int { 16 }
    /// ACME accounts the issuances are spread over.
    var issuanceAccounts: Int { 16 }

    /// The measurement groups.
    static let groups = ["sign", "verify", "scope", "crl", "issuance"]

    /// Whether `group` runs.
    func runs(_ group: String) -> Bool { only == nil || only == group }

    /// Parses `arguments` (without the program name).
    init(arguments: some Sequence<String>) throws(BenchmarkError) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--check": check = true
            case "--quick": quick = true
            case "--only":
                guard let group = iterator.next(), Self.groups.contains(group) else {
                    throw BenchmarkError.failed("--only takes one of \(Self.groups.joined(separator: ", "))")
                }
                only = group
            case "-h", "--help": throw BenchmarkError.usage
            default: throw BenchmarkError.failed("unknown option \(argument); \(BenchmarkError.usageText)")
            }
        }
    }
}
