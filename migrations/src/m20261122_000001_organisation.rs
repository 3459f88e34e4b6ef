//! Areas, units and the areas they serve, users, API tokens, categories.

use sea_orm_migration::{prelude::*, schema::*};

use crate::{fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum Areas {
    Table,
    Id,
    Code,
    Name,
    ParentId,
    Lineage,
    Depth,
    ValidFrom,
    ValidTo,
    FormerNames,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum Units {
    Table,
    Id,
    Code,
    Name,
    Kind,
    HomeAreaId,
    Email,
    ValidFrom,
    ValidTo,
    FormerNames,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum UnitAreas {
    Table,
    UnitId,
    AreaId,
}

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum Users {
    Table,
    Id,
    Email,
    Name,
    Role,
    UnitId,
    PasswordHash,
    Lang,
    Disabled,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ApiTokens {
    Table,
    Id,
    UserId,
    TokenHash,
    Label,
    CreatedAt,
    LastUsedAt,
    ExpiresAt,
    RevokedAt,
}

#[derive(DeriveIden, Clone, Copy)]
pub(crate) enum Categories {
    Table,
    Id,
    Code,
    NameVi,
    NameEn,
    Active,
}

/// The categories of SPEC §3.3; admins may add more.
const CATEGORIES: &[(&str, &str, &str)] = &[
    (
        "land",
        "Đất đai, giải phóng mặt bằng",
        "Land and site clearance",
    ),
    ("environment", "Môi trường", "Environment"),
    (
        "corruption",
        "Tham nhũng, tiêu cực, lãng phí",
        "Corruption, misconduct and waste",
    ),
    (
        "complaints",
        "Khiếu nại, tố cáo",
        "Complaints and denunciations",
    ),
    (
        "construction",
        "Trật tự xây dựng, đô thị",
        "Construction and urban order",
    ),
    ("food_safety", "An toàn thực phẩm", "Food safety"),
    ("health", "Dịch bệnh, y tế", "Epidemics and health"),
    ("security", "An ninh, trật tự", "Security and public order"),
    (
        "religion_ethnic",
        "Tôn giáo, dân tộc",
        "Religion and ethnic affairs",
    ),
    ("heritage", "Di tích, văn hóa", "Heritage and culture"),
    (
        "sovereignty",
        "Biên giới, biển đảo, chủ quyền",
        "Borders, seas, islands and sovereignty",
    ),
    ("trials", "Xét xử vụ án lớn", "Major trials"),
    (
        "misinformation",
        "Thông tin sai sự thật trên mạng",
        "Online misinformation",
    ),
    ("other", "Khác", "Other"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Areas::Table)
                .col(big_pk_auto(Areas::Id))
                .col(string_uniq(Areas::Code))
                .col(string(Areas::Name))
                .col(big_integer_null(Areas::ParentId))
                // "/1/4/9/": the ids from the root down; a subtree is a prefix.
                .col(string(Areas::Lineage))
                .col(integer(Areas::Depth))
                .col(date_null(Areas::ValidFrom))
                .col(date_null(Areas::ValidTo))
                .col(text(Areas::FormerNames).default("[]"))
                .col(timestamp_with_time_zone(Areas::CreatedAt))
                .foreign_key(&mut fk(Areas::Table, "parent_id", Areas::Table))
                .to_owned(),
        )
        .await?;
        m.create_index(index(Areas::Table, &["lineage"])).await?;
        m.create_index(index(Areas::Table, &["parent_id"])).await?;

        m.create_table(
            Table::create()
                .table(Units::Table)
                .col(big_pk_auto(Units::Id))
                .col(string_uniq(Units::Code))
                .col(string(Units::Name))
                .col(string(Units::Kind))
                .col(big_integer(Units::HomeAreaId))
                .col(string_null(Units::Email))
                .col(date_null(Units::ValidFrom))
                .col(date_null(Units::ValidTo))
                .col(text(Units::FormerNames).default("[]"))
                .col(timestamp_with_time_zone(Units::CreatedAt))
                .foreign_key(&mut fk(Units::Table, "home_area_id", Areas::Table))
                .to_owned(),
        )
        .await?;
        m.create_index(index(Units::Table, &["home_area_id"]))
            .await?;

        m.create_table(
            Table::create()
                .table(UnitAreas::Table)
                .col(big_integer(UnitAreas::UnitId))
                .col(big_integer(UnitAreas::AreaId))
                .primary_key(
                    Index::create()
                        .col(UnitAreas::UnitId)
                        .col(UnitAreas::AreaId),
                )
                .foreign_key(&mut fk(UnitAreas::Table, "unit_id", Units::Table))
                .foreign_key(&mut fk(UnitAreas::Table, "area_id", Areas::Table))
                .to_owned(),
        )
        .await?;
        m.create_index(index(UnitAreas::Table, &["area_id"]))
            .await?;

        m.create_table(
            Table::create()
                .table(Users::Table)
                .col(big_pk_auto(Users::Id))
                .col(string_uniq(Users::Email))
                .col(string(Users::Name))
                .col(string(Users::Role))
                .col(big_integer(Users::UnitId))
                .col(string_null(Users::PasswordHash))
                .col(string_len(Users::Lang, 8).default("vi"))
                .col(boolean(Users::Disabled).default(false))
                .col(timestamp_with_time_zone(Users::CreatedAt))
                .foreign_key(&mut fk(Users::Table, "unit_id", Units::Table))
                .to_owned(),
        )
        .await?;
        m.create_index(index(Users::Table, &["unit_id", "role"]))
            .await?;

        m.create_table(
            Table::create()
                .table(ApiTokens::Table)
                .col(big_pk_auto(ApiTokens::Id))
                .col(big_integer(ApiTokens::UserId))
                .col(string_uniq(ApiTokens::TokenHash))
                .col(string(ApiTokens::Label))
                .col(timestamp_with_time_zone(ApiTokens::CreatedAt))
                .col(timestamp_with_time_zone_null(ApiTokens::LastUsedAt))
                .col(timestamp_with_time_zone_null(ApiTokens::ExpiresAt))
                .col(timestamp_with_time_zone_null(ApiTokens::RevokedAt))
                .foreign_key(&mut fk(ApiTokens::Table, "user_id", Users::Table))
                .to_owned(),
        )
        .await?;
        m.create_index(index(ApiTokens::Table, &["user_id"]))
            .await?;

        m.create_table(
            Table::create()
                .table(Categories::Table)
                .col(big_pk_auto(Categories::Id))
                .col(string_uniq(Categories::Code))
                .col(string(Categories::NameVi))
                .col(string(Categories::NameEn))
                .col(boolean(Categories::Active).default(true))
                .to_owned(),
        )
        .await?;
        let mut insert = Query::insert();
        insert.into_table(Categories::Table).columns([
            Categories::Code,
            Categories::NameVi,
            Categories::NameEn,
        ]);
        for (code, vi, en) in CATEGORIES {
            insert.values_panic([(*code).into(), (*vi).into(), (*en).into()]);
        }
        m.exec_stmt(insert).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            Categories::Table.into_iden(),
            ApiTokens::Table.into_iden(),
            Users::Table.into_iden(),
            UnitAreas::Table.into_iden(),
            Units::Table.into_iden(),
            Areas::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
