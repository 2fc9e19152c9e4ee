// Faults: stable codes for everything that can go wrong with content, options or the platform.
// Tests assert on codes, never on message text. Does NOT print anything itself.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

enum class Severity { Warning, Error };

// X-macro so that the code, its stable name and its default severity stay together.
#define KIOSK_FAULT_CODES(X)                                                              \
    X(BundleMissing, Error)      /* the bundle directory does not exist */                \
    X(FileMissing, Error)        /* a file the bundle needs is not there */               \
    X(FileUnreadable, Error)     /* a file exists but cannot be read */                   \
    X(FileTooLarge, Error)       /* a file is larger than the kiosk accepts */            \
    X(BadUtf8, Error)            /* bytes that are not UTF-8 */                           \
    X(BadToml, Error)            /* the manifest is not valid TOML */                     \
    X(MissingField, Error)       /* a required manifest field is absent or empty */       \
    X(BadField, Error)           /* a manifest field has the wrong type or value */       \
    X(BadFigure, Error)          /* the memorial figure is not a sensible count */        \
    X(BadMarkdown, Error)        /* the article cannot be parsed */                       \
    X(NoHeadline, Error)         /* the article has no `# headline` */                    \
    X(NoBody, Error)             /* the article has no body paragraph */                  \
    X(UnknownCitation, Warning)  /* a [^id] marker names no source */                     \
    X(UnusedSource, Warning)     /* a source that no marker cites */                      \
    X(DuplicateSource, Error)    /* two sources share one id */                           \
    X(UnsupportedMarkdown, Warning) /* Markdown the kiosk does not show (tables, HTML) */ \
    X(ImageOutsideBundle, Error) /* a picture's path leads out of the bundle folder */     \
    X(ImageFormat, Error)        /* a picture that is not JPEG or PNG (GIF, WebP...) */    \
    X(ImageCorrupt, Error)       /* a picture that is truncated or damaged */              \
    X(ImageTooLarge, Error)      /* a picture over the file, size or memory limits */      \
    X(NoImageCredit, Error)      /* a picture without its credit line */                   \
    X(NoAltText, Warning)        /* a picture without a description (WCAG 1.1.1) */        \
    X(ImageTooSmall, Warning)    /* a picture narrower than the column: shown blurred */   \
    X(ImageOrientation, Warning) /* a picture's EXIF orientation cannot be used: shown as stored */ \
    X(MissingGlyph, Warning)     /* a character no bundled font covers */                 \
    X(NotdefGlyph, Warning)      /* a mark on a letter whose font has no glyph for it */   \
    X(ByteOrderMark, Warning)    /* a UTF-8 BOM at the start of a file (ignored) */       \
    X(ControlCharacter, Warning) /* a control character (NUL, ESC...) in a text file */   \
    X(DeepNesting, Warning)      /* quotes or lists nested deeper than the kiosk shows */ \
    X(ArticleTooLong, Error)     /* more text than the kiosk lays out */                  \
    X(TooManySources, Error)     /* more sources than the sources screen lists */         \
    X(FieldTooLong, Error)       /* a manifest text longer than its place on screen */    \
    X(FigureNotInArticle, Warning) /* the article never states the memorial figure */     \
    X(NotVerbatim, Warning)      /* a manifest text meant to quote the article does not */ \
    X(UnknownLabel, Error)       /* a [labels] key the kiosk does not know (a typo) */     \
    X(LabelsNotTranslated, Warning) /* a non-English bundle leaves interface words in English */ \
    X(TranslationMismatch, Error) /* a translation differs from the bundle where all must agree */ \
    X(CitationMismatch, Warning) /* a source cited in one language is not cited in another */ \
    X(LanguageNotInBundle, Warning) /* the language asked for is not in the bundle: the default is shown */ \
    X(ReloadFailed, Error)       /* a reload found a bad bundle; the last good one stays */ \
    X(FrameFailed, Error)        /* drawing a frame failed; a fallback screen was shown */ \
    X(BadOption, Error)          /* a command-line option or value is wrong */            \
    X(ConfigUnreadable, Error)   /* the settings file cannot be read: all defaults */     \
    X(ConfigSyntax, Error)       /* the settings file is not valid TOML: all defaults */  \
    X(BadSetting, Error)         /* a setting's value is wrong: its default is used */    \
    X(UnknownSetting, Warning)   /* a setting or table the kiosk does not know: ignored */ \
    X(PlatformFailure, Error)    /* no window, no GL context */

enum class FaultCode {
#define KIOSK_FAULT_ENUM(name, severity) name,
    KIOSK_FAULT_CODES(KIOSK_FAULT_ENUM)
#undef KIOSK_FAULT_ENUM
};

struct Fault {
    FaultCode code = FaultCode::BadField;
    Severity severity = Severity::Error;
    std::string file;                  // bundle-relative file name, or "" when none applies
    int line = 0;                      // 1-based; 0 when unknown
    int column = 0;                    // 1-based; 0 when unknown
    std::string message;               // one sentence a curator understands
    std::string language;              // the bundle language the fault is in ("fa"); "" when it concerns no one language
};

// Stable name of a code, e.g. "UnknownCitation": used in --check output and the curator README.
std::string_view fault_name(FaultCode code);
Severity default_severity(FaultCode code);

// A fault with the code's default severity.
Fault make_fault(FaultCode code, std::string file, int line, int column, std::string message);

bool has_errors(const std::vector<Fault>& faults);

// "error BadToml manifest.toml:3:7: the manifest is not valid TOML: ..."
std::string format_fault(const Fault& fault);

}  // namespace kiosk::core
