// A sync file on its way in, through the stages the desk's sync dialog and `tousu-cli import` share:
//   open(bytes)      a sealed envelope waits for its passphrase; anything else is the bundle's text
//   unsealed(text)   the text the platform's crypto opened (WebCrypto in the desk, OpenSSL natively)
//   bundle()         read and checked once (sync/bundle.h), refused with the reason
//   import(apply)    a preview (a dry run, rolled back) or the import, all or nothing, an ImportJob the
//                    caller steps: the desk a slice per frame, the CLI to the end
// Nothing is stored before the import commits, whatever stage fails.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "app/import_job.h"
#include "sync/bundle.h"
#include "sync/sealed.h"

namespace tousu::app {

class IncomingBundle {
  public:
    // The file's bytes, gzip already undone (by the browser, or by the CLI's zlib).
    static core::Result<IncomingBundle> open(std::string bytes);

    // Sealed: the envelope waits for unsealed().
    bool sealed() const { return m_envelope.has_value(); }
    const sync::Sealed& envelope() const { return *m_envelope; }
    void unsealed(std::string text);

    // The bundle, read on first use (not before the envelope is opened).
    core::Result<const sync::Bundle*> bundle();
    // A preview (apply false) or the import of the bundle through `exchange`.
    core::Result<std::unique_ptr<ImportJob>> import(Exchange& exchange, bool apply);

  private:
    std::optional<sync::Sealed> m_envelope;
    std::string m_text;
    std::optional<sync::Bundle> m_bundle;
};

} // namespace tousu::app
