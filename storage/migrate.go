package storage

import (
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql migrations/catalog/*.sql
var migrationFS embed.FS

// migrate applies the embedded migrations in dir that db has not seen yet, in file-name order,
// each in its own transaction; PRAGMA user_version counts the migrations applied. File names
// start with their version: 001_schema.sql.
func migrate(db *sql.DB, dir string) error {
	names, err := fs.Glob(migrationFS, path.Join(dir, "*.sql"))
	if err != nil {
		return err
	}
	sort.Strings(names)
	var have int
	if err := db.QueryRow("PRAGMA user_version").Scan(&have); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	for _, name := range names {
		v, err := strconv.Atoi(strings.SplitN(path.Base(name), "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: name must start with its version", name)
		}
		if v <= have {
			continue
		}
		if err := applyMigration(db, name, v); err != nil {
			return err
		}
	}
	return nil
}

func applyMigration(db *sql.DB, name string, v int) error {
	src, err := migrationFS.ReadFile(name)
	if err != nil {
		return err
	}
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // after Commit it is a no-op
	if _, err := tx.Exec(string(src)); err != nil {
		return fmt.Errorf("migration %s: %w", name, err)
	}
	if _, err := tx.Exec("PRAGMA user_version = " + strconv.Itoa(v)); err != nil {
		return fmt.Errorf("migration %s: %w", name, err)
	}
	return tx.Commit()
}
