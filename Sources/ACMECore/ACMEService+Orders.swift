import Foundation
import JOSE

extension ACMEService {
    /// newOrder (RFC 8555 §7.4, RFC 9448 §3): exactly one `TNAuthList` identifier the policy admits;
    /// one authorization with one `tkauth-01` challenge (RFC 9447 §3).
    ///
    /// - Throws: ``ACMEError``: `malformed`, `unsupportedIdentifier`, `rejectedIdentifier`.
    public func newOrder(_ request: AuthenticatedRequest) async throws(ACMEError) -> ACMEOrder {
        let payload = try Self.object(request.payload, "newOrder")
        guard let identifiers = payload["identifiers"]?.arrayValue else {
            throw ACMEError(.malformed, "newOrder needs an identifiers array")
        }
        guard identifiers.count == 1, let entry = identifiers[0].objectValue else {
            throw ACMEError(.malformed, "an order carries exactly one TNAuthList identifier, not \(identifiers.count)")
        }
        guard let type = entry["type"]?.stringValue, let value = entry["value"]?.stringValue else {
            throw ACMEError(.malformed, "an identifier needs string type and value")
        }
        guard type == TNAuthListIdentifier.type else {
            throw ACMEError(.unsupportedIdentifier, "identifier type \"\(type)\" is not supported; use TNAuthList (RFC 9448 §3)")
        }
        guard payload["notBefore"] == nil, payload["notAfter"] == nil else {
            throw ACMEError(.malformed, "notBefore and notAfter are not supported; the CA sets validity by its policy")
        }
        let identifier = try TNAuthListIdentifier(value: value)
        try policy.admit(identifier)
        let now = environment.now()
        let expires = now.addingTimeInterval(configuration.orderLifetime)
        let orderID = ACMEOrder.ID(environment.randomToken())
        let authorizationID = ACMEAuthorization.ID(environment.randomToken())
        let challenge = ACMEChallenge(
            id: ACMEChallenge.ID(environment.randomToken()), authorizationID: authorizationID,
            token: environment.randomToken(), tokenAuthority: configuration.tokenAuthority
        )
        let authorization = ACMEAuthorization(
            id: authorizationID, accountID: request.account.id, orderID: orderID, identifier: identifier,
            expires: expires, challenges: [challenge]
        )
        let order = ACMEOrder(
            id: orderID, accountID: request.account.id, identifier: identifier, expires: expires,
            notBefore: nil, notAfter: nil, authorizationIDs: [authorizationID]
        )
        try await storage("order store") { try await orders.createOrder(order, authorizations: [authorization]) }
        return order
    }

    /// An order as its owner sees it now (RFC 8555 §7.1.3, POST-as-GET §6.3).
    ///
    /// - Throws: ``ACMEError``: not found (404), `unauthorized` for another account's order.
    public func order(_ id: ACMEOrder.ID, request: AuthenticatedRequest) async throws(ACMEError) -> ACMEOrder {
        var order = try await ownedOrder(id, account: request.account.id)
        let authorizations = try await authorizations(of: order)
        order.status = order.effectiveStatus(authorizations: authorizations, at: environment.now())
        return order
    }

    /// The orders of the requesting account (RFC 8555 §7.1.2.1).
    public func orders(request: AuthenticatedRequest) async throws(ACMEError) -> [ACMEOrder] {
        try await storage("order store") { try await orders.orders(of: request.account.id) }
    }

    /// An authorization as its owner sees it now (RFC 8555 §7.5); a payload
    /// `{"status":"deactivated"}` deactivates it (§7.5.2).
    ///
    /// - Throws: ``ACMEError``: not found (404), `unauthorized`, `malformed`.
    public func authorization(_ id: ACMEAuthorization.ID, request: AuthenticatedRequest) async throws(ACMEError) -> ACMEAuthorization {
        var authorization = try await ownedAuthorization(id, account: request.account.id)
        if let payload = request.payload {
            guard payload.objectValue?["status"]?.stringValue == ACMEAuthorization.Status.deactivated.rawValue else {
                throw ACMEError(.malformed, "an authorization update may only set status deactivated (RFC 8555 §7.5.2)")
            }
            guard try await storage("order store", { try await orders.deactivateAuthorization(id) }) else {
                throw ACMEError(.malformed, "the authorization is \(authorization.status.rawValue) and cannot be deactivated")
            }
            _ = try await storage("order store") { try await orders.failOrder(authorization.orderID, error: ACMEError(.unauthorized, "authorization deactivated")) }
            authorization.status = .deactivated
            return authorization
        }
        authorization.status = authorization.effectiveStatus(at: environment.now())
        return authorization
    }

    func ownedOrder(_ id: ACMEOrder.ID, account: ACMEAccount.ID) async throws(ACMEError) -> ACMEOrder {
        guard let order = try await storage("order store", { try await orders.order(id) }) else {
            throw .notFound("order \(id)")
        }
        guard order.accountID == account else {
            throw ACMEError(.unauthorized, "the order belongs to another account")
        }
        return order
    }

    func ownedAuthorization(_ id: ACMEAuthorization.ID, account: ACMEAccount.ID) async throws(ACMEError) -> ACMEAuthorization {
        guard let authorization = try await storage("order store", { try await orders.authorization(id) }) else {
            throw .notFound("authorization \(id)")
        }
        guard authorization.accountID == account else {
            throw ACMEError(.unauthorized, "the authorization belongs to another account")
        }
        return authorization
    }

    func authorizations(of order: ACMEOrder) async throws(ACMEError) -> [ACMEAuthorization] {
        var result: [ACMEAuthorization] = []
        for id in order.authorizationIDs {
            guard let authorization = try await storage("order store", { try await orders.authorization(id) }) else {
                throw .serverInternal("order \(order.id) lost authorization \(id)")
            }
            result.append(authorization)
        }
        return result
    }
}
