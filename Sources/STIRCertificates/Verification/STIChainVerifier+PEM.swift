import Foundation
import SwiftASN1
import X509

extension STIChainVerifier {
    /// Verifies a PEM bundle whose first certificate is the leaf and whose others are candidate
    /// intermediates, as served at a PASSporT `x5u` URL (RFC 8224 §4; RFC 9060 §5: leaf first).
    ///
    /// - Parameters:
    ///   - chainPEM: Concatenated `CERTIFICATE` PEM blocks.
    ///   - time: The validation time.
    /// - Returns: As ``verify(leaf:intermediates:at:)``; a bundle that holds no certificate or does not
    ///   parse gives `.invalid` with ``STIChainFailure/Code/malformedCertificate``.
    public func verify(chainPEM: String, at time: Date) async -> STIChainVerificationResult {
        let certificates: [Certificate]
        do {
            certificates = try PEMDocument.parseMultiple(pemString: chainPEM).map { try Certificate(pemDocument: $0) }
        } catch {
            return .invalid([STIChainFailure(.malformedCertificate, "the PEM chain does not parse: \(error)")])
        }
        guard let leaf = certificates.first else {
            return .invalid([STIChainFailure(.malformedCertificate, "the PEM chain holds no certificate")])
        }
        return await verify(leaf: leaf, intermediates: Array(certificates.dropFirst()), at: time)
    }
}
