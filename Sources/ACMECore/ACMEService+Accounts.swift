import Foundation
import JOSE

extension ACMEService {
    /// The outcome of newAccount: the account and whether it was created (201) or found (200).
    public struct AccountResult: Hashable, Sendable {
        /// The account.
        public let account: ACMEAccount
        /// Whether it was created by this request.
        public let created: Bool
    }

    /// newAccount (RFC 8555 §7.3): creates an account for the request's key, or returns the existing
    /// one; with `onlyReturnExisting` never creates.
    ///
    /// - Throws: ``ACMEError``: `accountDoesNotExist`, `malformed`, `unsupportedContact`, `invalidContact`.
    public func newAccount(_ request: KeyAuthenticatedRequest) async throws(ACMEError) -> AccountResult {
        let payload = try Self.object(request.payload, "newAccount")
        let thumbprint = request.key.thumbprintBase64URL()
        if let flag = payload["onlyReturnExisting"] {
            guard case .bool(let onlyExisting) = flag else {
                throw ACMEError(.malformed, "onlyReturnExisting is a \(flag.typeName), not a boolean")
            }
            if onlyExisting {
                guard let existing = try await storage("account store", { try await accounts.account(keyThumbprint: thumbprint) }) else {
                    throw ACMEError(.accountDoesNotExist, "no account exists for this key (RFC 8555 §7.3.1)")
                }
                return AccountResult(account: existing, created: false)
            }
        }
        let contact = try Self.contacts(payload["contact"])
        let account = ACMEAccount(
            id: ACMEAccount.ID(environment.randomToken()), key: request.key, contact: contact, createdAt: environment.now()
        )
        switch try await storage("account store", { try await accounts.createAccount(account) }) {
        case .created(let stored): return AccountResult(account: stored, created: true)
        case .existing(let stored): return AccountResult(account: stored, created: false)
        }
    }

    /// Account URL requests (RFC 8555 §7.3.2, §7.3.6): POST-as-GET returns the account, `contact`
    /// replaces the contacts, `{"status":"deactivated"}` deactivates it.
    ///
    /// - Parameter id: the account ID from the request URL.
    /// - Throws: ``ACMEError``: `unauthorized` for another account's URL, `malformed`, contact errors.
    public func updateAccount(_ id: ACMEAccount.ID, request: AuthenticatedRequest) async throws(ACMEError) -> ACMEAccount {
        guard id == request.account.id else {
            throw ACMEError(.unauthorized, "the request is signed by another account")
        }
        guard let payload = request.payload else { return request.account }
        guard let object = payload.objectValue else {
            throw ACMEError(.malformed, "account update payload is a JSON \(payload.typeName), not an object")
        }
        if let status = object["status"] {
            guard status.stringValue == ACMEAccount.Status.deactivated.rawValue else {
                throw ACMEError(.malformed, "a client may only set the account status to deactivated (RFC 8555 §7.3.6)")
            }
            guard let updated = try await storage("account store", { try await accounts.deactivateAccount(id) }) else {
                throw ACMEError(.unauthorized, "the account is not valid")
            }
            return updated
        }
        if object["contact"] != nil {
            let contact = try Self.contacts(object["contact"])
            guard let updated = try await storage("account store", { try await accounts.updateContact(id, contact: contact) }) else {
                throw ACMEError(.unauthorized, "the account is not valid")
            }
            return updated
        }
        return request.account
    }

    /// keyChange (RFC 8555 §7.3.5): the payload is a JWS signed by the new key whose `url` equals the
    /// outer `url`, that has no nonce, and whose payload names this account and its current key.
    ///
    /// - Throws: ``ACMEError``: `malformed` (inner JWS, url, nonce, signature), `unauthorized`
    ///   (account or old key mismatch), `malformed` with HTTP 409 when the new key belongs to another account.
    public func changeKey(_ request: AuthenticatedRequest) async throws(ACMEError) -> ACMEAccount {
        guard let payload = request.payload else {
            throw ACMEError(.malformed, "keyChange needs an inner JWS payload")
        }
        let inner: FlattenedJWS
        do {
            inner = try FlattenedJWS(jsonValue: payload)
        } catch {
            throw ACMEError(.malformed, "keyChange payload is not a flattened JWS: \(error.reason)")
        }
        guard inner.unprotectedHeader == nil else {
            throw ACMEError(.malformed, "the inner JWS has an unprotected header")
        }
        let header = try ACMERequestVerifier.parseHeader(inner)
        guard case .jwk(let newKey) = header.key else {
            throw ACMEError(.malformed, "the inner JWS must carry the new key as jwk (RFC 8555 §7.3.5)")
        }
        guard header.nonce == nil else {
            throw ACMEError(.malformed, "the inner JWS must not have a nonce (RFC 8555 §7.3.5)")
        }
        guard header.url == request.header.url else {
            throw ACMEError(.malformed, "the inner url differs from the outer url (RFC 8555 §7.3.5)")
        }
        do {
            try ES256.verify(signature: inner.signature, over: inner.signingInput, using: try newKey.publicKey())
        } catch {
            throw ACMEError(.malformed, "the inner JWS does not verify with the new key: \(error.reason)")
        }
        let body = try Self.object(ACMERequestVerifier.parsePayload(inner), "keyChange inner JWS")
        guard body["account"]?.stringValue == linker.account(request.account.id) else {
            throw ACMEError(.unauthorized, "the inner payload names another account")
        }
        guard let oldKeyValue = body["oldKey"], let oldKey = try? JSONWebKey(jsonValue: oldKeyValue), oldKey == request.account.key else {
            throw ACMEError(.unauthorized, "oldKey is not the account's current key")
        }
        let outcome = try await storage("account store") {
            try await accounts.changeKey(request.account.id, from: request.account.keyThumbprint, to: newKey)
        }
        switch outcome {
        case .changed(let account):
            return account
        case .keyInUse(let holder):
            throw ACMEError(.malformed, "the new key already belongs to \(linker.account(holder))", httpStatus: 409)
        case .stale:
            throw ACMEError(.unauthorized, "the account changed meanwhile; retry")
        }
    }

    /// Checks `contact` URLs: `mailto:` or `tel:` (RFC 8555 §7.3).
    static func contacts(_ value: JSONValue?) throws(ACMEError) -> [String] {
        guard let value else { return [] }
        guard let array = value.arrayValue else {
            throw ACMEError(.malformed, "contact is a \(value.typeName), not an array")
        }
        var contacts: [String] = []
        for entry in array {
            guard let text = entry.stringValue, text.utf8.count <= 512 else {
                throw ACMEError(.invalidContact, "a contact is not a URL string")
            }
            guard text.hasPrefix("mailto:") || text.hasPrefix("tel:") else {
                throw ACMEError(.unsupportedContact, "contact \"\(text)\" is neither mailto: nor tel:")
            }
            contacts.append(text)
        }
        return contacts
    }
}
