//! How the bundled SQLite is compiled. `.cargo/config.toml` gives
//! libsqlite3-sys's build `LIBSQLITE3_FLAGS`; a build that lost them still
//! works, only slower under concurrent reads, so the options are checked
//! here.

use rusqlite::Connection;

/// The options SQLite reports it was compiled with.
fn compile_options() -> Vec<String> {
    let conn = Connection::open_in_memory().expect("an in-memory database");
    let mut statement = conn.prepare("PRAGMA compile_options").expect("the pragma");
    statement
        .query_map([], |row| row.get::<_, String>(0))
        .expect("its rows")
        .collect::<Result<_, _>>()
        .expect("text")
}

#[test]
fn each_connection_keeps_its_own_page_cache() {
    // With memory management every connection's page cache is one group
    // behind one process-wide mutex, taken at each page a reader touches.
    let options = compile_options();
    assert!(
        !options.iter().any(|o| o == "ENABLE_MEMORY_MANAGEMENT"),
        "{options:?}"
    );
}

#[test]
fn allocations_keep_no_process_wide_statistics() {
    // The statistics are one more process-wide mutex at each allocation.
    let options = compile_options();
    assert!(
        options.iter().any(|o| o == "DEFAULT_MEMSTATUS=0"),
        "{options:?}"
    );
}
