//! Black-box tests of the built `noicom` binary: each test gets a fresh
//! database (an SQLite file, or a new PostgreSQL database) and runs the
//! binary as a user would, reading its exit code, stdout and stderr, or
//! talking HTTP to `noicom serve`.
//!
//! Compiled as the `blackbox` integration test of the `noicom` package, so
//! that cargo builds the binary first (`CARGO_BIN_EXE_noicom`).

mod support;

mod alerts;
mod alerts_opinion;
mod api;
mod area;
mod backup;
mod board_moves;
mod browser;
mod bulletin;
mod config;
mod demo;
mod digests;
mod documents;
mod duties_continued;
mod duties_over_http;
mod export_report;
mod later;
mod meetings;
mod migrate;
mod notices;
mod opinion_reports;
mod orientations;
mod pages;
mod programme;
mod reminders;
mod replicas;
mod roster;
mod scheduler;
mod seed_bench;
mod serve;
mod unit;
mod unreachable;
mod user;
