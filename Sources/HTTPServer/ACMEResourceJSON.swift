import ACMECore
import Foundation
import JOSE

/// The JSON representations of ACME resources (RFC 8555 §7.1.2–§7.1.6, RFC 9447 §3 for the
/// `tkauth-01` challenge), with every URL built by the service's ``ACMELinker``.
struct ACMEResourceJSON: Sendable {
    /// URL construction.
    let linker: ACMELinker

    /// An account object (§7.1.2): status, contact, orders URL.
    func account(_ account: ACMEAccount) -> JSONValue {
        ResponseBuilding.object([
            ("status", .string(account.status.rawValue)),
            ("contact", .array(account.contact.map(JSONValue.string))),
            ("orders", .string(linker.orders(account.id))),
        ])
    }

    /// An orders list (§7.1.2.1).
    func orders(_ orders: [ACMEOrder]) -> JSONValue {
        ResponseBuilding.object([("orders", .array(orders.map { .string(linker.order($0.id)) }))])
    }

    /// An order object (§7.1.3): status, expires, identifiers, authorizations, finalize, and
    /// certificate or error when set.
    func order(_ order: ACMEOrder) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("status", .string(order.status.rawValue)),
            ("expires", .string(Self.timestamp(order.expires))),
            ("identifiers", .array([Self.identifier(order.identifier)])),
            ("authorizations", .array(order.authorizationIDs.map { .string(linker.authorization($0)) })),
            ("finalize", .string(linker.finalize(order.id))),
        ]
        if let notBefore = order.notBefore { members.append(("notBefore", .string(Self.timestamp(notBefore)))) }
        if let notAfter = order.notAfter { members.append(("notAfter", .string(Self.timestamp(notAfter)))) }
        if let serial = order.certificateSerial, order.status == .valid {
            members.append(("certificate", .string(linker.certificate(serial))))
        }
        if let error = order.error, order.status == .invalid {
            members.append(("error", ACMEProblemDocument(error: error).embedded))
        }
        return ResponseBuilding.object(members)
    }

    /// An authorization object (§7.1.4): status, expires, identifier, challenges.
    func authorization(_ authorization: ACMEAuthorization) -> JSONValue {
        ResponseBuilding.object([
            ("status", .string(authorization.status.rawValue)),
            ("expires", .string(Self.timestamp(authorization.expires))),
            ("identifier", Self.identifier(authorization.identifier)),
            ("challenges", .array(authorization.challenges.map(challenge))),
        ])
    }

    /// A `tkauth-01` challenge object (RFC 8555 §8, RFC 9447 §3): type, url, status, token,
    /// `tkauth-type: atc`, the `token-authority` when configured, `validated` and `error` when set.
    func challenge(_ challenge: ACMEChallenge) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("type", .string(ACMEChallenge.type)),
            ("url", .string(linker.challenge(challenge.id))),
            ("status", .string(challenge.status.rawValue)),
            ("token", .string(challenge.token)),
            ("tkauth-type", .string(ACMEChallenge.tokenType)),
        ]
        if let authority = challenge.tokenAuthority { members.append(("token-authority", .string(authority))) }
        if let validated = challenge.validated { members.append(("validated", .string(Self.timestamp(validated)))) }
        if let error = challenge.error { members.append(("error", ACMEProblemDocument(error: error).embedded)) }
        return ResponseBuilding.object(members)
    }

    /// The directory object (§7.1.1), with `meta` carrying `termsOfService` and `website` when set
    /// and `externalAccountRequired: false`.
    func directory(termsOfService: String?, website: String?) -> JSONValue {
        var meta: [(String, JSONValue)] = [("externalAccountRequired", .bool(false))]
        if let termsOfService { meta.append(("termsOfService", .string(termsOfService))) }
        if let website { meta.append(("website", .string(website))) }
        return ResponseBuilding.object([
            ("newNonce", .string(linker.newNonce)),
            ("newAccount", .string(linker.newAccount)),
            ("newOrder", .string(linker.newOrder)),
            ("revokeCert", .string(linker.revokeCert)),
            ("keyChange", .string(linker.keyChange)),
            ("meta", ResponseBuilding.object(meta)),
        ])
    }

    /// An identifier object `{"type":"TNAuthList","value":"<base64 DER>"}` (RFC 9448 §3).
    static func identifier(_ identifier: TNAuthListIdentifier) -> JSONValue {
        ResponseBuilding.object([("type", .string(TNAuthListIdentifier.type)), ("value", .string(identifier.value))])
    }

    /// An RFC 3339 timestamp in UTC (RFC 8555 §7.1).
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }
}
