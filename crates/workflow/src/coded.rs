//! A macro for the enums that have a stable code (JSON, database, CLI) and a
//! label, read from the catalogue.

// `$code` is taken as a token tree, not a `literal` fragment: a fragment
// reaches derive macros wrapped in an invisible group, and utoipa then
// misses the `serde(rename)` and documents the variant names instead.
/// Declares a `Copy` enum with `ALL`, `code()`, `from_code()` and `label()`;
/// serde uses the code, and a variant names its label's catalogue key.
macro_rules! coded_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = ($code:tt, $key:ident), )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $code)] $variant, )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code used in JSON, the database and the command line.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// Parses a code.
            pub fn from_code(code: &str) -> Option<$name> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }

            /// The label a user reads.
            pub fn label(self, lang: $crate::Lang) -> &'static str {
                let t = $crate::Tr(lang);
                match self { $($name::$variant => t.$key()),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

pub(crate) use coded_enum;
