import ArgumentParser

/// The server options shared by the ACME commands.
struct AcmeServerOptions: ParsableArguments {
    @Option(name: .long, help: "The ACME directory URL.")
    var server: String
    @Option(name: .long, help: "The TLS root to trust, PEM (e.g. <sandbox>/tls/root.pem).")
    var trust: String
    @Option(name: .long, help: "The key directory (account key, certificate keys and chains).")
    var dir: String
}
