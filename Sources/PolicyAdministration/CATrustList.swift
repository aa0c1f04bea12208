import Crypto
import Foundation
import JOSE
import X509

/// A CA trust list whose JWS signature verified with the STI-PA signing key (spec digest §4.4).
public struct CATrustList: Sendable {
    /// The list's sequence number.
    public let sequence: Int64
    /// The approved STI-CA roots.
    public let roots: [Certificate]
    /// The JWS `x5u`: where the PA signing certificate is published.
    public let x5u: String

    /// Verifies a `caList` JWS and decodes it.
    ///
    /// Clients keep the last good list and its sequence; a list whose sequence is lower than
    /// `lastSeenSequence` is refused (a replayed older list), an equal one is accepted (a re-fetch).
    ///
    /// - Parameters:
    ///   - jws: The compact JWS, the `caList` value.
    ///   - signingKey: The public key of the PA signing certificate.
    ///   - lastSeenSequence: The sequence of the last good list, if any.
    /// - Throws: ``PolicyAdministrationError/Code/invalidTrustList`` (malformed, wrong `alg`, no `x5u`, bad
    ///   signature, bad PEM) or ``PolicyAdministrationError/Code/staleTrustList``.
    public init(verifying jws: String, signingKey: P256.Signing.PublicKey, lastSeenSequence: Int64? = nil) throws(PolicyAdministrationError) {
        let parsed: CompactJWS
        let header: JSONObject
        let payload: JSONObject
        do {
            parsed = try CompactJWS(jws, maximumLength: 1 << 20)
            guard let headerObject = try StrictJSONParser().parse(parsed.header).objectValue,
                let payloadObject = try StrictJSONParser(maximumBytes: 1 << 20).parse(parsed.payload).objectValue
            else {
                throw PolicyAdministrationError(.invalidTrustList, "JWS header or payload is not a JSON object")
            }
            header = headerObject
            payload = payloadObject
        } catch let error as PolicyAdministrationError {
            throw error
        } catch {
            throw PolicyAdministrationError(.invalidTrustList, "malformed trust list JWS: \(error)")
        }
        guard header["alg"]?.stringValue == ES256.algorithm else {
            throw PolicyAdministrationError(.invalidTrustList, "trust list JWS alg is not ES256")
        }
        guard let x5u = header["x5u"]?.stringValue, !x5u.isEmpty else {
            throw PolicyAdministrationError(.invalidTrustList, "trust list JWS has no x5u")
        }
        do {
            try ES256.verify(signature: parsed.signature, over: parsed.signingInput, using: signingKey)
        } catch {
            throw PolicyAdministrationError(.invalidTrustList, "trust list signature: \(error.reason)")
        }
        guard let sequence = payload["sequence"]?.integerValue, sequence >= 0 else {
            throw PolicyAdministrationError(.invalidTrustList, "trust list has no non-negative integer sequence")
        }
        if let lastSeenSequence, sequence < lastSeenSequence {
            throw PolicyAdministrationError(.staleTrustList, "trust list sequence \(sequence) is lower than \(lastSeenSequence) seen before")
        }
        guard let entries = payload["trustList"]?.arrayValue else {
            throw PolicyAdministrationError(.invalidTrustList, "trust list has no trustList array")
        }
        var roots: [Certificate] = []
        for entry in entries {
            guard let pem = entry.stringValue, let root = try? Certificate(pemEncoded: pem) else {
                throw PolicyAdministrationError(.invalidTrustList, "trustList holds an entry that is not a PEM certificate")
            }
            roots.append(root)
        }
        self.sequence = sequence
        self.roots = roots
        self.x5u = x5u
    }

    /// Verifies the body of `GET /api/v1/ca-list`, `{"caList":"<JWS>"}`.
    ///
    /// - Throws: as ``init(verifying:signingKey:lastSeenSequence:)``.
    public init(responseBody: [UInt8], signingKey: P256.Signing.PublicKey, lastSeenSequence: Int64? = nil) throws(PolicyAdministrationError) {
        let body: JSONValue
        do {
            body = try StrictJSONParser(maximumBytes: 1 << 20).parse(responseBody)
        } catch {
            throw PolicyAdministrationError(.invalidTrustList, "ca-list body is not JSON: \(error.reason)")
        }
        guard let jws = body.objectValue?["caList"]?.stringValue else {
            throw PolicyAdministrationError(.invalidTrustList, "ca-list body has no caList string")
        }
        try self.init(verifying: jws, signingKey: signingKey, lastSeenSequence: lastSeenSequence)
    }
}
