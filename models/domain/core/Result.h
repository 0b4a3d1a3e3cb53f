#pragma once
// Result<T>: the one error-handling convention of the core. A function that can fail returns Result<T>
// (or Status when there is no value); exceptions are not used across module boundaries.
// Error messages are written for the user: what happened and what to do, never PHI or secrets.
#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace upstream {

enum class ErrorCode {
    Ok = 0,
    InvalidInput, // bad usage or unreadable input (CLI exit 2)
    NotFound,
    PermissionDenied, // the database or OS refused
    AuthFailed,       // wrong password, unknown user, disabled user
    Unreachable,      // network or server down
    CertificateRejected,
    Conflict, // a stale version: never overwrite silently
    Cancelled,
    Corrupt, // integrity check failed (wrong key, tampered data)
    TooNew,  // a database written by a newer version of the program
    Internal,
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;
};

template<typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_value(std::move(value)) {}     // NOLINT(google-explicit-constructor)
    Result(Error error) : m_value(std::move(error)) {} // NOLINT(google-explicit-constructor)

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }
    T &value() & { return std::get<T>(m_value); }
    const T &value() const & { return std::get<T>(m_value); }
    T &&value() && { return std::get<T>(std::move(m_value)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() { return value(); }
    const Error &error() const { return std::get<Error>(m_value); }

private:
    std::variant<T, Error> m_value;
};

class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Error error) : m_error(std::move(error)) {} // NOLINT(google-explicit-constructor)
    static Status success() { return {}; }
    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

inline Error makeError(ErrorCode code, QString message)
{
    return Error{code, std::move(message)};
}

} // namespace upstream
