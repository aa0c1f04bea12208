import CertificateRevocation
import Hummingbird
import JOSE
import PolicyAdministration
import TNAuthList
import X509

/// The STI-PA operator's admin handlers (ATIS-1000080 §6.3.2 account registration, §6.3.4 revocation),
/// each guarded by the admin credential and making one domain call.
struct PolicyAdministrationAdminEndpoints: Sendable {
    let services: PolicyAdministrationRouter.Services
    let configuration: PolicyAdministrationRouter.Configuration
    let credential: AdminCredential

    /// `{"id","name","spc","tnRanges"?:[{"start","count"}|{"tn"}],"mayRunSubordinateCA"?}`.
    func createAccount(_ request: Request) async throws -> Response {
        try credential.authorize(request)
        let body = try await JSONRequestBody.object(request, limit: configuration.maximumBodySize)
        let account = try AdminRequestJSON.account(body)
        try await services.administration.createAccount(account)
        return ResponseBuilding.json(ResponseBuilding.object([("status", .string("success")), ("id", .string(account.id.value))]), status: .created)
    }

    /// `{"userId","password"}`.
    func createUser(_ request: Request, accountID: String?) async throws -> Response {
        try credential.authorize(request)
        let body = try await JSONRequestBody.object(request, limit: configuration.maximumBodySize)
        let userID = try JSONRequestBody.string(body, "userId")
        try await services.administration.createUser(
            userID: userID, accountID: AccountID(try AdminRequestJSON.pathID(accountID)), password: try JSONRequestBody.string(body, "password")
        )
        return ResponseBuilding.json(ResponseBuilding.object([("status", .string("success")), ("userId", .string(userID))]), status: .created)
    }

    func disableAccount(_ request: Request, accountID: String?) async throws -> Response {
        try credential.authorize(request)
        let account = try await services.administration.disableAccount(id: AccountID(try AdminRequestJSON.pathID(accountID)))
        return ResponseBuilding.json(ResponseBuilding.object([
            ("status", .string("success")), ("id", .string(account.id.value)), ("accountStatus", .string(account.status.rawValue)),
        ]))
    }

    /// `{"certificate":"<PEM>"}`: an STI-CA root for the trust list.
    func addRoot(_ request: Request) async throws -> Response {
        try credential.authorize(request)
        let body = try await JSONRequestBody.object(request, limit: configuration.maximumBodySize)
        let snapshot = try await services.trustList.addRoot(try AdminRequestJSON.certificate(body))
        return ResponseBuilding.json(ResponseBuilding.object([("status", .string("success")), ("sequence", .integer(snapshot.sequence))]))
    }

    /// `{"certificate":"<PEM>","reason"?:n}` (RFC 5280 §5.3.1 reason codes).
    func revoke(_ request: Request) async throws -> Response {
        try credential.authorize(request)
        let body = try await JSONRequestBody.object(request, limit: configuration.maximumBodySize)
        let certificate = try AdminRequestJSON.certificate(body)
        let reason = try AdminRequestJSON.reason(body)
        let crl = try await services.crl.revoke(certificate, reason: reason, at: configuration.now())
        var members: [(String, JSONValue)] = [("status", .string("success"))]
        if let number = crl.crlNumber { members.append(("crlNumber", .string(number.description))) }
        return ResponseBuilding.json(ResponseBuilding.object(members))
    }
}

/// Parses the admin routes' JSON into domain values.
enum AdminRequestJSON {
    static func pathID(_ text: String?) throws(HTTPServerError) -> String {
        guard let text, !text.isEmpty else { throw HTTPServerError(.notFound, "no account in the request path") }
        return text
    }

    static func account(_ body: JSONObject) throws -> ServiceProviderAccount {
        let spc: ServiceProviderCode
        do {
            spc = try ServiceProviderCode(try JSONRequestBody.string(body, "spc"))
        } catch let error as HTTPServerError {
            throw error
        } catch {
            throw HTTPServerError(.malformedRequest, "spc is not a service provider code: \(error)")
        }
        var mayRunSubordinateCA = false
        if let flag = body["mayRunSubordinateCA"] {
            guard case .bool(let value) = flag else { throw HTTPServerError(.malformedRequest, "mayRunSubordinateCA must be a boolean") }
            mayRunSubordinateCA = value
        }
        return ServiceProviderAccount(
            id: AccountID(try JSONRequestBody.string(body, "id")), name: try JSONRequestBody.string(body, "name"), spc: spc,
            tnRanges: try body["tnRanges"].map(entries), mayRunSubordinateCA: mayRunSubordinateCA
        )
    }

    /// `[{"start":"12025550100","count":100},{"tn":"12025550199"}]`.
    static func entries(_ value: JSONValue) throws(HTTPServerError) -> [TNEntry] {
        guard let array = value.arrayValue, array.count <= 1_000 else {
            throw HTTPServerError(.malformedRequest, "tnRanges must be an array of at most 1000 entries")
        }
        var entries: [TNEntry] = []
        for element in array {
            guard let object = element.objectValue else { throw HTTPServerError(.malformedRequest, "a tnRanges entry must be an object") }
            do {
                if let tn = object["tn"]?.stringValue {
                    entries.append(.tn(try TelephoneNumber(tn)))
                } else if let start = object["start"]?.stringValue, let count = object["count"]?.integerValue, let size = Int(exactly: count) {
                    entries.append(.range(try TelephoneNumberRange(start: try TelephoneNumber(start), count: size)))
                } else {
                    throw HTTPServerError(.malformedRequest, "a tnRanges entry is {\"tn\"} or {\"start\",\"count\"}")
                }
            } catch let error as TNAuthListError {
                throw HTTPServerError(.malformedRequest, "a tnRanges entry is not valid: \(error)")
            } catch let error as HTTPServerError {
                throw error
            } catch {
                throw HTTPServerError(.malformedRequest, "a tnRanges entry is not valid: \(error)")
            }
        }
        return entries
    }

    static func certificate(_ body: JSONObject) throws(HTTPServerError) -> Certificate {
        let pem = try JSONRequestBody.string(body, "certificate")
        do {
            return try Certificate(pemEncoded: pem)
        } catch {
            throw HTTPServerError(.malformedRequest, "certificate is not a PEM certificate: \(error)")
        }
    }

    static func reason(_ body: JSONObject) throws(HTTPServerError) -> RevocationReason {
        guard let value = body["reason"] else { return .unspecified }
        guard let code = value.integerValue, let reason = RevocationReason(rawValue: Int(code)) else {
            throw HTTPServerError(.malformedRequest, "reason must be an RFC 5280 §5.3.1 reason code")
        }
        return reason
    }
}
