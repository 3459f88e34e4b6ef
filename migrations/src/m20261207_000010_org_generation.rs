//! The generation of the organisation (SPEC §17): one counter that every
//! change to the areas, units, the areas units serve, categories and users
//! steps up, by triggers, whoever writes (a page, the command line, an
//! import, another replica). A server keeps these small tables in memory
//! and reads only this counter to know whether its copy is still current,
//! instead of a round trip per lookup on every request.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The tables whose rows the servers keep in memory.
const WATCHED: &[&str] = &["areas", "units", "unit_areas", "categories", "users"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        db.execute_unprepared(
            "CREATE TABLE org_generation (id INTEGER PRIMARY KEY, value BIGINT NOT NULL)",
        )
        .await?;
        db.execute_unprepared("INSERT INTO org_generation (id, value) VALUES (1, 1)")
            .await?;
        match db.get_database_backend() {
            DbBackend::Postgres => {
                db.execute_unprepared(
                    "CREATE FUNCTION org_generation_step() RETURNS trigger LANGUAGE plpgsql AS $$ \
                     BEGIN UPDATE org_generation SET value = value + 1 WHERE id = 1; RETURN NULL; END $$",
                )
                .await?;
                for table in WATCHED {
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER org_generation_{table} AFTER INSERT OR UPDATE OR DELETE \
                         ON {table} FOR EACH STATEMENT EXECUTE FUNCTION org_generation_step()"
                    ))
                    .await?;
                }
            }
            _ => {
                for table in WATCHED {
                    for event in ["INSERT", "UPDATE", "DELETE"] {
                        let name = event.to_lowercase();
                        db.execute_unprepared(&format!(
                            "CREATE TRIGGER org_generation_{table}_{name} AFTER {event} ON {table} \
                             BEGIN UPDATE org_generation SET value = value + 1 WHERE id = 1; END"
                        ))
                        .await?;
                    }
                }
            }
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        match db.get_database_backend() {
            DbBackend::Postgres => {
                for table in WATCHED {
                    db.execute_unprepared(&format!(
                        "DROP TRIGGER org_generation_{table} ON {table}"
                    ))
                    .await?;
                }
                db.execute_unprepared("DROP FUNCTION org_generation_step()")
                    .await?;
            }
            _ => {
                for table in WATCHED {
                    for event in ["insert", "update", "delete"] {
                        db.execute_unprepared(&format!(
                            "DROP TRIGGER org_generation_{table}_{event}"
                        ))
                        .await?;
                    }
                }
            }
        }
        db.execute_unprepared("DROP TABLE org_generation").await?;
        Ok(())
    }
}
