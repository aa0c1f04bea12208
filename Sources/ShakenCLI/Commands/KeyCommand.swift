import ArgumentParser
import Crypto
import JOSE

/// `shaken key`: key material for STI certificates and PASSporT signing (ES256 on P-256, RFC 8225 §3; RFC 7518 §3.4).
struct KeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Generate signing keys.",
        subcommands: [Generate.self]
    )

    /// `shaken key generate [--out FILE]`.
    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate a P-256 private key (PKCS#8 PEM) and print its public key.",
            discussion: "Without --out the private key is printed too. The JWK thumbprint is RFC 7638."
        )

        @Option(name: .long, help: "Write the private key to this file (mode 0600).")
        var out: String?

        @OptionGroup var output: JSONFlag

        func run() async throws {
            let key = P256.Signing.PrivateKey()
            let privatePEM = key.pemRepresentation
            let publicPEM = key.publicKey.pemRepresentation
            let thumbprint = JSONWebKey(publicKey: key.publicKey).thumbprintBase64URL()
            if let out {
                try InputFiles.write(privatePEM + "\n", to: out, secret: true)
            }
            if output.json {
                var members: [JSONOutput.Member] = []
                if let out {
                    members.append(.init("privateKeyFile", .string(out)))
                } else {
                    members.append(.init("privateKeyPEM", .string(privatePEM)))
                }
                members.append(.init("publicKeyPEM", .string(publicPEM)))
                members.append(.init("jwkThumbprint", .string(thumbprint)))
                CommandOutput.json(.object(members))
                return
            }
            if let out {
                CommandOutput.diagnostic("private key written to \(out)")
            } else {
                CommandOutput.line(privatePEM)
            }
            CommandOutput.line(publicPEM)
            CommandOutput.line("JWK thumbprint (RFC 7638): \(thumbprint)")
        }
    }
}
