import HummingbirdTLS

/// Builds TLS configurations for the authorities' HTTPS listeners and for clients that trust a
/// local TLS root ("HTTPS everywhere", issue item 8).
public enum TLSConfigurationFactory {
    /// A server configuration from a PEM certificate chain (server certificate first) and a PEM key.
    ///
    /// - Throws: ``HTTPServerError/Code/invalidTLSMaterial``.
    public static func server(certificateChainPEM: String, privateKeyPEM: String) throws(HTTPServerError) -> TLSConfiguration {
        do {
            let chain = try NIOSSLCertificate.fromPEMBytes(Array(certificateChainPEM.utf8))
            guard !chain.isEmpty else {
                throw HTTPServerError(.invalidTLSMaterial, "the certificate chain PEM holds no certificate")
            }
            let key = try NIOSSLPrivateKey(bytes: Array(privateKeyPEM.utf8), format: .pem)
            var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
            configuration.minimumTLSVersion = .tlsv12
            return configuration
        } catch let error as HTTPServerError {
            throw error
        } catch {
            throw HTTPServerError(.invalidTLSMaterial, "cannot load the TLS certificate or key: \(error)")
        }
    }

    /// A client configuration that trusts only the roots in `rootPEM` and verifies host names.
    ///
    /// - Throws: ``HTTPServerError/Code/invalidTLSMaterial``.
    public static func client(trustingRootsPEM rootPEM: String) throws(HTTPServerError) -> TLSConfiguration {
        do {
            let roots = try NIOSSLCertificate.fromPEMBytes(Array(rootPEM.utf8))
            guard !roots.isEmpty else {
                throw HTTPServerError(.invalidTLSMaterial, "the root PEM holds no certificate")
            }
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.trustRoots = .certificates(roots)
            configuration.certificateVerification = .fullVerification
            configuration.minimumTLSVersion = .tlsv12
            return configuration
        } catch let error as HTTPServerError {
            throw error
        } catch {
            throw HTTPServerError(.invalidTLSMaterial, "cannot load the TLS roots: \(error)")
        }
    }
}
