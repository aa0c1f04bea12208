import ACMECore
import AuthorityToken
import Crypto
import Foundation
import JOSE
import STIRCertificates
import SwiftASN1
import TNAuthList
import X509

/// Complete ACME issuances against ``IssuanceSetup`` (RFC 8555 §7.4; RFC 9447 `tkauth-01`): accounts,
/// SPC tokens and CSRs are all prepared before timing, one distinct SPC, token `jti` and key per issuance.
struct IssuanceWorkload: Sendable {
    /// One prepared issuance.
    struct Prepared: Sendable {
        let account: Int
        let list: TNAuthorizationList
        let identifierValue: String
        let token: String
        let csrDER: [UInt8]
        let publicKey: Certificate.PublicKey
    }

    /// Per-step wall times (seconds) and the downloaded chain of one issuance.
    struct Outcome: Sendable {
        /// The chain as downloaded: PEM from the service, certificates from the HTTP client.
        enum Chain: Sendable {
            case pem(String)
            case certificates([Certificate])
        }

        let index: Int
        let steps: [Double]
        let chain: Chain
    }

    static let stepNames = ["newOrder", "challenge", "finalize", "download"]

    let setup: IssuanceSetup
    let accountKeys: [P256.Signing.PrivateKey]
    let accountURLs: [String]
    let prepared: [Prepared]

    init(setup: IssuanceSetup, count: Int, accounts: Int) async throws {
        self.setup = setup
        let keys = (0..<accounts).map { _ in P256.Signing.PrivateKey() }
        var urls: [String] = []
        for key in keys {
            let nonce = try await setup.service.newNonce()
            let body = try Self.sign(key, url: setup.service.linker.newAccount, nonce: nonce, kid: nil, payload: .object(JSONObject([.init("termsOfServiceAgreed", .bool(true))])))
            let request = try await setup.verifier.verifyKeyRequest(body: body, url: setup.service.linker.newAccount)
            let result = try await setup.service.newAccount(request)
            urls.append(setup.service.linker.account(result.account.id))
        }
        accountKeys = keys
        accountURLs = urls
        let expires = Int64(setup.pki.referenceTime.timeIntervalSince1970) + 3_600
        prepared = try (0..<count).map { index in
            let account = index % accounts
            let code = String(1_000 + index)
            let list = try TNAuthorizationList([.spc(ServiceProviderCode(code))])
            let subject = try DistinguishedName.shaken(commonName: "SHAKEN \(code)", organization: "Bench Service Provider \(code)", country: "US")
            let atc = try AuthorityTokenClaims.ATC(
                tnAuthList: list, isCA: false, fingerprint: AccountKeyFingerprint(accountKey: JSONWebKey(publicKey: keys[account].publicKey))
            )
            let claims = try AuthorityTokenClaims(issuer: IssuanceSetup.tokenIssuer, expiresAt: expires, tokenID: "bench-\(index)", atc: atc)
            let certificateKey = P256.Signing.PrivateKey()
            let csr = try CertificateSigningRequest.stiRequest(subject: subject, privateKey: .init(certificateKey), tnAuthList: list)
            var serializer = DER.Serializer()
            try serializer.serialize(csr)
            return Prepared(
                account: account, list: list, identifierValue: try TNAuthListIdentifier(list).value, token: try setup.tokenSigner.sign(claims),
                csrDER: serializer.serializedBytes, publicKey: .init(certificateKey.publicKey)
            )
        }
    }

    /// A flattened JWS POST body (RFC 8555 §6.2): `jwk` when `kid` is nil.
    static func sign(_ key: P256.Signing.PrivateKey, url: String, nonce: String, kid: String?, payload: JSONValue?) throws -> [UInt8] {
        var members: [JSONObject.Member] = [.init("alg", .string("ES256")), .init("nonce", .string(nonce)), .init("url", .string(url))]
        if let kid { members.append(.init("kid", .string(kid))) } else { members.append(.init("jwk", JSONWebKey(publicKey: key.publicKey).jsonValue)) }
        let body = payload.map { CanonicalJSON.encode($0) } ?? []
        return try FlattenedJWS.signES256(protectedHeader: try JSONObject(members), payload: body, using: key).serialized
    }

    /// One authenticated request as a client makes it: a fresh nonce, the signed JWS, the server's
    /// verification of it (signature, nonce consumption, account lookup).
    private func request(_ index: Int, url: String, payload: JSONValue?) async throws -> AuthenticatedRequest {
        let account = prepared[index].account
        let nonce = try await setup.service.newNonce()
        let body = try Self.sign(accountKeys[account], url: url, nonce: nonce, kid: accountURLs[account], payload: payload)
        return try await setup.verifier.verifyAccountRequest(body: body, url: url)
    }

    /// newOrder → authorization → tkauth-01 response → finalize → certificate download, timed per step.
    func issue(_ index: Int) async throws -> Outcome {
        let clock = ContinuousClock()
        let item = prepared[index]
        let service = setup.service
        let linker = service.linker
        var steps: [Double] = []

        var start = clock.now
        let identifier = JSONValue.object(try JSONObject([.init("type", .string(TNAuthListIdentifier.type)), .init("value", .string(item.identifierValue))]))
        let newOrder = JSONValue.object(try JSONObject([.init("identifiers", .array([identifier]))]))
        let order = try await service.newOrder(try await request(index, url: linker.newOrder, payload: newOrder))
        steps.append((clock.now - start).seconds)

        start = clock.now
        guard let authorizationID = order.authorizationIDs.first else { throw BenchmarkError.failed("order without authorization") }
        let authorization = try await service.authorization(authorizationID, request: try await request(index, url: linker.authorization(authorizationID), payload: nil))
        guard let challenge = authorization.challenges.first else { throw BenchmarkError.failed("authorization without challenge") }
        let response = JSONValue.object(try JSONObject([.init("atc", .string(item.token))]))
        let answered = try await service.respondToChallenge(challenge.id, request: try await request(index, url: linker.challenge(challenge.id), payload: response))
        guard answered.status == .valid else { throw BenchmarkError.failed("issuance \(index): challenge \(answered.status), \(String(describing: answered.error))") }
        steps.append((clock.now - start).seconds)

        start = clock.now
        let finalizePayload = JSONValue.object(try JSONObject([.init("csr", .string(Base64URL.encode(item.csrDER)))]))
        let finalized = try await service.finalize(order.id, request: try await request(index, url: linker.finalize(order.id), payload: finalizePayload))
        guard finalized.status == .valid, let serial = finalized.certificateSerial else {
            throw BenchmarkError.failed("issuance \(index): order \(finalized.status) after finalize")
        }
        steps.append((clock.now - start).seconds)

        start = clock.now
        let issued = try await service.certificate(serial, request: try await request(index, url: linker.certificate(serial), payload: nil))
        steps.append((clock.now - start).seconds)
        return Outcome(index: index, steps: steps, chain: .pem(issued.chainPEM))
    }

    /// Runs every prepared issuance with at most `inFlight` at a time; returns the outcomes and the wall time.
    func run(inFlight: Int) async throws -> (outcomes: [Outcome], seconds: Double) {
        try await Self.run(count: prepared.count, inFlight: inFlight) { try await issue($0) }
    }

    /// Runs `issue` for `0..<count` with at most `inFlight` at a time; returns the outcomes and the wall time.
    static func run(
        count: Int, inFlight: Int, issue: @escaping @Sendable (Int) async throws -> Outcome
    ) async throws -> (outcomes: [Outcome], seconds: Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let outcomes = try await withThrowingTaskGroup(of: Outcome.self) { group in
            var next = 0
            var results: [Outcome] = []
            results.reserveCapacity(count)
            while next < min(inFlight, count) {
                let index = next
                group.addTask { try await issue(index) }
                next += 1
            }
            while let outcome = try await group.next() {
                results.append(outcome)
                if next < count {
                    let index = next
                    group.addTask { try await issue(index) }
                    next += 1
                }
            }
            return results
        }
        return (outcomes, (clock.now - start).seconds)
    }

    /// Checks an issued chain: it parses, the leaf is for the prepared key with the prepared TNAuthList,
    /// it is signed by the STI-CA intermediate, and the chain's second certificate is that intermediate.
    func check(_ outcome: Outcome) throws {
        let item = prepared[outcome.index]
        let chain: [Certificate]
        switch outcome.chain {
        case .pem(let pem): chain = try PEMDocument.parseMultiple(pemString: pem).map { try Certificate(pemDocument: $0) }
        case .certificates(let certificates): chain = certificates
        }
        let intermediate = setup.pki.intermediate
        guard let leaf = chain.first, chain.count == 2, chain[1] == intermediate else {
            throw BenchmarkError.failed("issuance \(outcome.index): chain is not leaf + intermediate")
        }
        guard try leaf.extensions.tnAuthList == item.list, leaf.publicKey == item.publicKey else {
            throw BenchmarkError.failed("issuance \(outcome.index): wrong TNAuthList or key in the leaf")
        }
        guard leaf.issuer == intermediate.subject, intermediate.publicKey.isValidSignature(leaf.signature, for: leaf) else {
            throw BenchmarkError.failed("issuance \(outcome.index): leaf does not chain to the intermediate")
        }
    }
}
