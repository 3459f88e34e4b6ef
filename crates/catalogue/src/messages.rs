//! The macro every part of the catalogue is written with.

/// Declares catalogue entries: `key => "vi", "en";` for a fixed text,
/// `key(word, …) => "vi {word}", "en {word}";` for one that quotes words
/// given when it is read. Each becomes a method of [`crate::Tr`] and a
/// row of the module's `ENTRIES`.
macro_rules! messages {
    ($( $key:ident $( ( $($arg:ident),+ ) )? => $vi:literal, $en:literal; )*) => {
        impl $crate::Tr {
            $( messages!(@method $key $( ( $($arg),+ ) )? => $vi, $en); )*
        }

        /// This module's entries, in the order they are written.
        pub(crate) const ENTRIES: &[$crate::Entry] = &[
            $( $crate::Entry { key: stringify!($key), vi: $vi, en: $en }, )*
        ];
    };
    (@method $key:ident => $vi:literal, $en:literal) => {
        #[doc = $en]
        pub fn $key(&self) -> &'static str {
            self.0.pick($vi, $en)
        }
    };
    (@method $key:ident ( $($arg:ident),+ ) => $vi:literal, $en:literal) => {
        #[doc = $en]
        pub fn $key(&self, $($arg: impl std::fmt::Display),+) -> String {
            match self.0 {
                $crate::Lang::Vi => format!($vi),
                $crate::Lang::En => format!($en),
            }
        }
    };
}
