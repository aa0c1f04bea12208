import Crypto
import Foundation
import JOSE
import SwiftASN1
import X509

/// Maintains and publishes the STI-PA's signed CA trust list (spec digest §4.4 `GET /api/v1/ca-list`):
/// `{"caList":"<JWS>"}`, the JWS (ES256, `x5u` of the PA signing certificate) over
/// `{"sequence":N,"trustList":["-----BEGIN CERTIFICATE-----…"]}`. Every change increases `sequence`.
public struct TrustListPublisher: Sendable {
    private let store: any TrustListStore
    private let signingKey: P256.Signing.PrivateKey
    /// The URL of the PA signing certificate, the JWS `x5u`.
    public let x5u: String
    private let now: @Sendable () -> Date

    /// Creates the publisher.
    ///
    /// - Parameters:
    ///   - store: The trust-list store.
    ///   - signingKey: The PA signing key (the key of the `x5u` certificate).
    ///   - x5u: The HTTPS URL of the PA signing certificate.
    ///   - now: The clock.
    public init(store: any TrustListStore, signingKey: P256.Signing.PrivateKey, x5u: String, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.signingKey = signingKey
        self.x5u = x5u
        self.now = now
    }

    /// Adds an STI-CA root; adding one already listed changes nothing.
    ///
    /// - Throws: ``PolicyAdministrationError/Code/trustListConflict`` if the list changed concurrently.
    @discardableResult
    public func addRoot(_ root: Certificate) async throws -> TrustListSnapshot {
        let der = try Self.der(root)
        return try await change { roots in
            if !roots.contains(der) { roots.append(der) }
        }
    }

    /// Removes an STI-CA root; removing one not listed changes nothing.
    ///
    /// - Throws: ``PolicyAdministrationError/Code/trustListConflict`` if the list changed concurrently.
    @discardableResult
    public func removeRoot(_ root: Certificate) async throws -> TrustListSnapshot {
        let der = try Self.der(root)
        return try await change { roots in roots.removeAll { $0 == der } }
    }

    /// The current list signed as a compact JWS; sequence 0 with no roots before the first change.
    public func signedTrustList() async throws -> String {
        let snapshot = try await store.currentTrustList()
        let pems = (snapshot?.roots ?? []).map { der in
            JSONValue.string(PEMDocument(type: "CERTIFICATE", derBytes: der).pemString)
        }
        let header = try CompactJWSSigning.object([
            ("alg", .string(ES256.algorithm)), ("typ", .string("JWT")), ("x5u", .string(x5u)),
        ])
        let payload = try CompactJWSSigning.object([
            ("sequence", .integer(snapshot?.sequence ?? 0)), ("trustList", .array(pems)),
        ])
        return try CompactJWSSigning.sign(header: header, payload: payload, key: signingKey)
    }

    /// The body of `GET /api/v1/ca-list`: `{"caList":"<JWS>"}`.
    public func caListResponse() async throws -> [UInt8] {
        CanonicalJSON.encode(try CompactJWSSigning.object([("caList", .string(try await signedTrustList()))]))
    }

    private func change(_ edit: (inout [[UInt8]]) -> Void) async throws -> TrustListSnapshot {
        let current = try await store.currentTrustList()
        var roots = current?.roots ?? []
        edit(&roots)
        if let current, current.roots == roots {
            return current
        }
        return try await store.replaceTrustList(roots: roots, at: now(), ifSequence: current?.sequence)
    }

    private static func der(_ certificate: Certificate) throws -> [UInt8] {
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        return serializer.serializedBytes
    }
}
