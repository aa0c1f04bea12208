import SwiftASN1
import X509

/// Reads the body of an x5u or ACME certificate download (`application/pem-certificate-chain`,
/// RFC 8555 §9.1): one or more `CERTIFICATE` PEM blocks, leaf first, and nothing else.
public enum PEMCertificateChain {
    /// Parses `body` into certificates in order.
    ///
    /// - Throws: ``HTTPClientError/Code/malformedPEM`` for text that is not PEM, a block of another
    ///   type, or a certificate that does not parse; ``HTTPClientError/Code/emptyChain`` for no block.
    public static func parse(_ body: [UInt8]) throws(HTTPClientError) -> [Certificate] {
        guard body.allSatisfy({ $0 < 0x80 }) else {
            throw HTTPClientError(.malformedPEM, "the chain is not ASCII PEM text")
        }
        let text = String(decoding: body, as: UTF8.self)
        guard text.contains("-----BEGIN") else {
            throw HTTPClientError(.emptyChain, "the body holds no PEM block")
        }
        let documents: [PEMDocument]
        do {
            documents = try PEMDocument.parseMultiple(pemString: text)
        } catch {
            throw HTTPClientError(.malformedPEM, "the chain is not well-formed PEM: \(error)")
        }
        guard !documents.isEmpty else { throw HTTPClientError(.emptyChain, "the body holds no PEM block") }
        var certificates: [Certificate] = []
        for (index, document) in documents.enumerated() {
            guard document.discriminator == "CERTIFICATE" else {
                throw HTTPClientError(.malformedPEM, "PEM block \(index) is a \(document.discriminator), not a CERTIFICATE")
            }
            do {
                certificates.append(try Certificate(derEncoded: document.derBytes))
            } catch {
                throw HTTPClientError(.malformedPEM, "PEM block \(index) is not an X.509 certificate: \(error)")
            }
        }
        return certificates
    }

    /// Serializes certificates as a PEM chain in order.
    ///
    /// - Throws: ``HTTPClientError/Code/malformedPEM`` if a certificate cannot be encoded.
    public static func serialize(_ certificates: [Certificate]) throws(HTTPClientError) -> String {
        do {
            return try certificates.map { try $0.serializeAsPEM().pemString + "\n" }.joined()
        } catch {
            throw HTTPClientError(.malformedPEM, "cannot encode a certificate: \(error)")
        }
    }
}
