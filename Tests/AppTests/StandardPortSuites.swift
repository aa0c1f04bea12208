import Testing

/// The suites whose sandboxes try port 8443 for the STI-CR run one after the other.
@Suite("Sandboxes that try port 8443", .serialized)
enum StandardPortSuites {}
