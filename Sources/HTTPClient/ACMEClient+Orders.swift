import Foundation
import JOSE
import SwiftASN1
import TNAuthList
import X509

extension ACMEClient {
    /// Creates an order for one TNAuthList identifier (RFC 8555 §7.4, RFC 9448 §3).
    ///
    /// - Throws: ``HTTPClientError``.
    public func newOrder(for list: TNAuthorizationList) async throws(HTTPClientError) -> ACMEOrderResource {
        let value: String
        do {
            value = try list.base64EncodedString()
        } catch {
            throw HTTPClientError(.signingFailed, "the TNAuthList does not encode: \(error)")
        }
        let url = try await directory().newOrder
        let identifier = try Self.object([.init("type", .string("TNAuthList")), .init("value", .string(value))])
        let payload = try Self.object([.init("identifiers", .array([.object(identifier)]))])
        let response = try await post(url, payload: .object(payload))
        let location = try Self.location(response, "newOrder")
        return try ACMEOrderResource(url: location, object: ACMEJSON.object(response.body, "order"))
    }

    /// Fetches an order with POST-as-GET (§6.3, §7.1.3).
    public func order(at url: String) async throws(HTTPClientError) -> ACMEOrderResource {
        let response = try await post(url, payload: nil)
        return try ACMEOrderResource(url: url, object: ACMEJSON.object(response.body, "order"))
    }

    /// Fetches an authorization with POST-as-GET (§7.5).
    public func authorization(at url: String) async throws(HTTPClientError) -> ACMEAuthorizationResource {
        let response = try await post(url, payload: nil)
        return try ACMEAuthorizationResource(url: url, object: ACMEJSON.object(response.body, "authorization"))
    }

    /// Answers a `tkauth-01` challenge with `{"<key>": token}` (RFC 9447 §3.1; key per
    /// ``Configuration/challengeResponseKey``).
    public func respond(to challenge: ACMEChallengeResource, token: String) async throws(HTTPClientError) -> ACMEChallengeResource {
        let payload = try Self.object([.init(configuration.challengeResponseKey, .string(token))])
        let response = try await post(challenge.url, payload: .object(payload))
        return try ACMEChallengeResource(ACMEJSON.object(response.body, "challenge"))
    }

    /// Polls an authorization until it is `valid` (§7.5.1), waiting as `Retry-After` says.
    ///
    /// - Throws: ``HTTPClientError/Code/orderInvalid`` (with the challenge error as problem) when it
    ///   fails, ``HTTPClientError/Code/pollingExhausted`` after the bound.
    public func waitUntilValid(authorization url: String) async throws(HTTPClientError) -> ACMEAuthorizationResource {
        for _ in 0..<configuration.maximumPolls {
            let response = try await post(url, payload: nil)
            let authorization = try ACMEAuthorizationResource(url: url, object: ACMEJSON.object(response.body, "authorization"))
            switch authorization.status {
            case "valid":
                return authorization
            case "pending":
                try await pause(response)
            default:
                let problem = authorization.challenges.compactMap(\.error).first
                throw HTTPClientError(.orderInvalid, "authorization \(url) is \(authorization.status)" + (problem.map { ": \($0)" } ?? ""), problem: problem)
            }
        }
        throw HTTPClientError(.pollingExhausted, "authorization \(url) did not become valid after \(configuration.maximumPolls) polls")
    }

    /// Finalizes an order with a CSR (§7.4) and polls until the order is `valid`.
    ///
    /// - Throws: ``HTTPClientError``; `orderInvalid` with the order's problem when it fails.
    public func finalize(_ order: ACMEOrderResource, csr: CertificateSigningRequest) async throws(HTTPClientError) -> ACMEOrderResource {
        let der: [UInt8]
        do {
            var serializer = DER.Serializer()
            try serializer.serialize(csr)
            der = serializer.serializedBytes
        } catch {
            throw HTTPClientError(.signingFailed, "the CSR does not encode: \(error)")
        }
        let payload = try Self.object([.init("csr", .string(Base64URL.encode(der)))])
        let response = try await post(order.finalize, payload: .object(payload))
        var current = try ACMEOrderResource(url: order.url, object: ACMEJSON.object(response.body, "order"))
        var latest = response
        for _ in 0..<configuration.maximumPolls {
            switch current.status {
            case "valid":
                return current
            case "processing", "ready", "pending":
                try await pause(latest)
                latest = try await post(order.url, payload: nil)
                current = try ACMEOrderResource(url: order.url, object: ACMEJSON.object(latest.body, "order"))
            default:
                throw HTTPClientError(.orderInvalid, "order \(order.url) is \(current.status)" + (current.error.map { ": \($0)" } ?? ""), problem: current.error)
            }
        }
        throw HTTPClientError(.pollingExhausted, "order \(order.url) did not become valid after \(configuration.maximumPolls) polls")
    }

    /// Waits as the response's `Retry-After` (delta-seconds, RFC 9110 §10.2.3) says, within
    /// ``Configuration/maximumRetryAfter``; the poll interval otherwise.
    func pause(_ response: HTTPSResponse) async throws(HTTPClientError) {
        var wait = configuration.pollInterval
        if let text = response.header("Retry-After")?.trimmingCharacters(in: .whitespaces), let seconds = Int(text), seconds >= 0 {
            wait = min(.seconds(seconds), configuration.maximumRetryAfter)
        }
        do {
            try await sleep(wait)
        } catch {
            throw HTTPClientError(.timedOut, "polling was cancelled")
        }
    }
}
