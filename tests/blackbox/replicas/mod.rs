//! Scale-out as a standing test (SPEC §8, §17; the README's "Several
//! machines"): three `noicom serve` replicas on one PostgreSQL database,
//! behind Debian's HAProxy running `deploy/haproxy.cfg` as the README
//! shows it. A replica killed with SIGKILL under load loses no
//! acknowledged case; a token, a sign-in count and an idempotency key
//! are the same on every replica; three replicas sweeping at once send
//! each e-mail once.
//!
//! PostgreSQL only, not run on SQLite: replicas on several machines need a
//! database server they all reach, and SQLite is one file on one machine —
//! a deployment of several replicas over it does not exist.

mod filing;
mod shared;
mod start;
mod sweeps;

use crate::support::balancer::{Balancer, REPLICAS};
use crate::support::town::{Town, town};
use crate::support::{Backend, Server, TestDb};

/// [`REPLICAS`] servers on `db`, each with `args` and `env`, started one
/// after the other (the first migrates, if anything is left to migrate).
async fn replicas(db: &TestDb, args: &[&str], env: &[(&str, &str)]) -> Vec<Server> {
    let mut servers = Vec::with_capacity(REPLICAS);
    for _ in 0..REPLICAS {
        servers.push(Server::start_with_env(db, args, env).await);
    }
    servers
}

/// The town on a fresh PostgreSQL database, served by three replicas
/// behind HAProxy. Fields drop in order: the balancer, the replicas, then
/// the database.
struct Cluster {
    balancer: Balancer,
    replicas: Vec<Server>,
    town: Town,
    _db: TestDb,
}

impl Cluster {
    async fn start() -> Cluster {
        let db = TestDb::new(Backend::Postgres).await;
        let town = town(&db);
        let replicas = replicas(&db, &[], &[]).await;
        let balancer = Balancer::start(db.dir(), &replicas.iter().collect::<Vec<_>>()).await;
        Cluster {
            balancer,
            replicas,
            town,
            _db: db,
        }
    }

    /// What the balancer and every replica wrote, for failure messages.
    fn report(&self) -> String {
        let mut text = self.balancer.report();
        for (i, replica) in self.replicas.iter().enumerate() {
            text.push_str(&format!("\n=== replica {}\n{}", i + 1, replica.report()));
        }
        text
    }
}

/// The README shows, word for word, the configuration these tests run.
#[test]
fn the_readme_shows_the_balancer_configuration_the_tests_run() {
    let readme = concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md");
    let readme = std::fs::read_to_string(readme).expect("README.md");
    let config = std::fs::read_to_string(crate::support::balancer::CONFIG).expect("the config");
    assert!(
        readme.contains(&format!("```haproxy\n{config}```")),
        "README.md does not show deploy/haproxy.cfg as it is"
    );
}
