// HTTP for `tousu-cli replicate` over libcurl: the requests app::Replication asks for, sent to one
// CouchDB database (TLS verified, Basic authentication when a user is given, no proxy guessing).
#pragma once
#include <string>

#include "app/replication.h"

namespace tousu::cli {

class HttpClient {
  public:
    // `databaseUrl` as sync::couch::databaseUrl returns it.
    HttpClient(std::string databaseUrl, std::string user, std::string password);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;
    // Waits at most `timeoutMs` for the whole answer; status 0 and `failure` when none came.
    app::HttpAnswer send(const app::HttpRequest& request, long timeoutMs);

  private:
    std::string m_url, m_user, m_password;
    void* m_curl; // CURL*, kept so that connections are reused
};

} // namespace tousu::cli
