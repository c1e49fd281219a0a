//! Images on plans against real databases (SQLite and PostgreSQL), with both
//! storage backends (rows in the database, files in a folder): who may add
//! and remove them, what is refused, and that removal really removes.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use app::{
    db::Db,
    db_test,
    media::store::ImageStore,
    plans::{images, service as plans},
    testing::sample_png,
};

use crate::common::{cast, form, outcome};

fn stores() -> Vec<ImageStore> {
    let dir = std::env::temp_dir().join(format!(
        "wijkplein-beelden-{}-{}",
        std::process::id(),
        app::db::now()
    ));
    vec![ImageStore::Database, ImageStore::Disk(dir)]
}

db_test!(
    writers_and_coordinators_add_and_remove_images,
    |db: Db| async move {
        let c = cast(&db).await;
        let id = plans::create(&db, Some(&c.writer), &c.group, form("Bankjes op het plein"))
            .await
            .unwrap();
        let png = sample_png(1600, 800);
        let alt = "Schets van het plein met vier bankjes";
        for (who, expected) in [
            (None, "unauthorized"),
            (Some(&c.outsider), "forbidden"),
            (Some(&c.member), "forbidden"),
            (Some(&c.admin), "forbidden"),
        ] {
            let added = images::add(&db, &ImageStore::Database, who, id, png.clone(), alt).await;
            assert_eq!(outcome(added), expected);
        }
        let refused = images::add(
            &db,
            &ImageStore::Database,
            Some(&c.writer),
            id,
            b"<svg/>".to_vec(),
            alt,
        )
        .await;
        assert!(refused.unwrap_err().has_field_code("image_wrong_type"));
        let refused = images::add(
            &db,
            &ImageStore::Database,
            Some(&c.writer),
            id,
            png.clone(),
            "x",
        )
        .await;
        assert!(refused.unwrap_err().has_field_code("image_alt_length"));

        for store in stores() {
            let first = images::add(&db, &store, Some(&c.writer), id, png.clone(), alt)
                .await
                .unwrap();
            let second = images::add(&db, &store, Some(&c.coordinator), id, png.clone(), alt)
                .await
                .unwrap();
            let list = images::list(&db, id).await.unwrap();
            let shown = list.iter().find(|i| i.id == first).unwrap();
            assert_eq!(
                (shown.width, shown.height),
                (1200, 600),
                "scaled to 1200 px"
            );
            let key = shown.src.trim_start_matches("/beelden/").to_owned();
            let (content_type, bytes) = store.get(&db, &key).await.unwrap().unwrap();
            assert_eq!(content_type, "image/jpeg");
            assert!(bytes.starts_with(&[0xFF, 0xD8]), "a re-encoded JPEG");
            assert_eq!(
                outcome(images::remove(&db, &store, Some(&c.member), first).await),
                "forbidden"
            );
            assert_eq!(
                images::remove(&db, &store, Some(&c.coordinator), first)
                    .await
                    .unwrap(),
                id
            );
            assert!(
                store.get(&db, &key).await.unwrap().is_none(),
                "the bytes are gone too"
            );
            images::remove(&db, &store, Some(&c.writer), second)
                .await
                .unwrap();
        }
        assert_eq!(
            outcome(images::remove(&db, &ImageStore::Database, Some(&c.writer), 999_999).await),
            "not_found"
        );

        // At most six.
        for _ in 0..images::MAX_IMAGES {
            images::add(
                &db,
                &ImageStore::Database,
                Some(&c.writer),
                id,
                png.clone(),
                alt,
            )
            .await
            .unwrap();
        }
        let seventh = images::add(&db, &ImageStore::Database, Some(&c.writer), id, png, alt).await;
        assert!(seventh.unwrap_err().has_field_code("image_too_many"));
    }
);
