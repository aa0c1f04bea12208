import ACMECore
import ACMETesting
import Foundation
import JOSE
import STIRTesting
import TNAuthList

/// A thin HTTP adapter from the test server to ``ACMEService`` (RFC 8555 §7 routes under
/// `/acme`), rendering the resources as RFC 8555 JSON and errors as problem documents, with a
/// fresh `Replay-Nonce` on every answer. It takes no decision of its own.
final class ACMETestAdapter: @unchecked Sendable {
    let service: ACMEService
    let verifier: ACMERequestVerifier
    let linker: ACMELinker
    private let lock = NSLock()
    private var badNonceBudget = 0
    private var answered: [String] = []

    init(service: ACMEService) {
        self.service = service
        self.verifier = service.requestVerifier()
        self.linker = service.linker
    }

    /// The next `count` POSTs are refused with `badNonce` before verification.
    func refuseNextWithBadNonce(_ count: Int) { lock.withLock { badNonceBudget = count } }

    /// The challenge response payloads received, as JSON text.
    var challengeBodies: [String] { lock.withLock { answered } }

    func handle(_ request: TestRequest) async -> TestResponse {
        var response: TestResponse
        do {
            response = try await route(request)
        } catch let error as ACMEError {
            response = Self.problem(error)
        } catch {
            response = Self.problem(.serverInternal("\(error)"))
        }
        if let nonce = try? await service.newNonce() { response.headers.append(("Replay-Nonce", nonce)) }
        return response
    }

    private func route(_ request: TestRequest) async throws -> TestResponse {
        let url = linker.baseURL.replacingOccurrences(of: "/acme", with: "") + request.path
        let parts = request.path.split(separator: "/").map(String.init)
        guard parts.first == "acme", parts.count >= 2 else { throw ACMEError.notFound(request.path) }
        if request.method == "GET" && parts[1] == "directory" { return Self.json(directory()) }
        if parts[1] == "new-nonce" { return TestResponse(status: request.method == "HEAD" ? 200 : 204) }
        let refuse = lock.withLock { () -> Bool in
            guard badNonceBudget > 0 else { return false }
            badNonceBudget -= 1
            return true
        }
        if refuse { throw ACMEError(.badNonce, "test server refuses this nonce") }
        switch (parts[1], parts.count) {
        case ("new-account", 2):
            let result = try await service.newAccount(try await verifier.verifyKeyRequest(body: request.body, url: url))
            return Self.json(account(result.account), status: result.created ? 201 : 200, location: linker.account(result.account.id))
        case ("account", 3):
            let account = try await service.updateAccount(ACMEAccount.ID(parts[2]), request: try await verifier.verifyAccountRequest(body: request.body, url: url))
            return Self.json(self.account(account), location: linker.account(account.id))
        case ("key-change", 2):
            let account = try await service.changeKey(try await verifier.verifyAccountRequest(body: request.body, url: url))
            return Self.json(self.account(account))
        case ("new-order", 2):
            let order = try await service.newOrder(try await verifier.verifyAccountRequest(body: request.body, url: url))
            return Self.json(self.order(order), status: 201, location: linker.order(order.id))
        case ("order", 3):
            return Self.json(order(try await service.order(ACMEOrder.ID(parts[2]), request: try await verifier.verifyAccountRequest(body: request.body, url: url))))
        case ("order", 4):
            return Self.json(order(try await service.finalize(ACMEOrder.ID(parts[2]), request: try await verifier.verifyAccountRequest(body: request.body, url: url))))
        case ("authz", 3):
            return Self.json(authorization(try await service.authorization(ACMEAuthorization.ID(parts[2]), request: try await verifier.verifyAccountRequest(body: request.body, url: url))))
        case ("chall", 3):
            let verified = try await verifier.verifyAccountRequest(body: request.body, url: url)
            if let payload = verified.payload { lock.withLock { answered.append(String(decoding: CanonicalJSON.encode(payload), as: UTF8.self)) } }
            return Self.json(challenge(try await service.respondToChallenge(ACMEChallenge.ID(parts[2]), request: verified)))
        case ("cert", 3):
            guard let serial = CertificateSerial(hex: parts[2]) else { throw ACMEError.notFound("certificate") }
            let issued = try await service.certificate(serial, request: try await verifier.verifyAccountRequest(body: request.body, url: url))
            return TestResponse(status: 200, headers: [("Content-Type", "application/pem-certificate-chain")], body: Array(issued.chainPEM.utf8))
        case ("revoke-cert", 2):
            _ = try await service.revoke(try await verifier.verify(body: request.body, url: url, keyForm: .jwkOrKid))
            return TestResponse(status: 200)
        default:
            throw ACMEError.notFound(request.path)
        }
    }

    // MARK: Rendering (RFC 8555 §7.1)

    private func directory() -> JSONValue {
        Self.object([
            ("keyChange", .string(linker.keyChange)), ("newAccount", .string(linker.newAccount)), ("newNonce", .string(linker.newNonce)),
            ("newOrder", .string(linker.newOrder)), ("revokeCert", .string(linker.revokeCert)),
        ])
    }

    private func account(_ account: ACMEAccount) -> JSONValue {
        Self.object([("orders", .string(linker.orders(account.id))), ("status", .string(account.status.rawValue))])
    }

    private func order(_ order: ACMEOrder) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("authorizations", .array(order.authorizationIDs.map { .string(linker.authorization($0)) })),
            ("finalize", .string(linker.finalize(order.id))),
            ("identifiers", .array([Self.object([("type", .string("TNAuthList")), ("value", .string(order.identifier.value))])])),
            ("status", .string(order.status.rawValue)),
        ]
        if let serial = order.certificateSerial, order.status == .valid { members.append(("certificate", .string(linker.certificate(serial)))) }
        if let error = order.error { members.append(("error", Self.problemJSON(error))) }
        return Self.object(members)
    }

    private func authorization(_ authorization: ACMEAuthorization) -> JSONValue {
        Self.object([
            ("challenges", .array(authorization.challenges.map(challenge))),
            ("identifier", Self.object([("type", .string("TNAuthList")), ("value", .string(authorization.identifier.value))])),
            ("status", .string(authorization.status.rawValue)),
        ])
    }

    private func challenge(_ challenge: ACMEChallenge) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("status", .string(challenge.status.rawValue)), ("tkauth-type", .string("atc")), ("token", .string(challenge.token)),
            ("type", .string(ACMEChallenge.type)), ("url", .string(linker.challenge(challenge.id))),
        ]
        if let authority = challenge.tokenAuthority { members.append(("token-authority", .string(authority))) }
        if let error = challenge.error { members.append(("error", Self.problemJSON(error))) }
        return Self.object(members)
    }

    static func problemJSON(_ error: ACMEError) -> JSONValue {
        object([("detail", .string(error.reason)), ("status", .integer(Int64(error.httpStatus))), ("type", .string(error.code.urn))])
    }

    static func problem(_ error: ACMEError) -> TestResponse {
        TestResponse(status: error.httpStatus, headers: [("Content-Type", "application/problem+json")], body: CanonicalJSON.encode(problemJSON(error)))
    }

    static func json(_ value: JSONValue, status: Int = 200, location: String? = nil) -> TestResponse {
        var headers = [("Content-Type", "application/json")]
        if let location { headers.append(("Location", location)) }
        return TestResponse(status: status, headers: headers, body: CanonicalJSON.encode(value))
    }

    static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object((try? JSONObject(members.map { JSONObject.Member($0.0, $0.1) })) ?? JSONObject())
    }
}
