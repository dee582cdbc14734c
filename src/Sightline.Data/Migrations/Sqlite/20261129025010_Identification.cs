using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Identification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "identities",
                columns: table => new
                {
                    device_id = table.Column<int>(type: "INTEGER", nullable: false),
                    platform = table.Column<string>(type: "TEXT", nullable: true),
                    confidence = table.Column<double>(type: "REAL", nullable: false),
                    brand = table.Column<string>(type: "TEXT", nullable: true),
                    device_class = table.Column<string>(type: "TEXT", nullable: true),
                    white_label = table.Column<bool>(type: "INTEGER", nullable: false),
                    flags = table.Column<int>(type: "INTEGER", nullable: false),
                    overridden = table.Column<bool>(type: "INTEGER", nullable: false),
                    knowledge = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identities", x => x.device_id);
                    table.ForeignKey(
                        name: "fk_identities_device_id",
                        column: x => x.device_id,
                        principalTable: "devices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "identity_overrides",
                columns: table => new
                {
                    device_id = table.Column<int>(type: "INTEGER", nullable: false),
                    maker = table.Column<string>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", nullable: false),
                    actor = table.Column<string>(type: "TEXT", nullable: false),
                    time = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_overrides", x => x.device_id);
                    table.ForeignKey(
                        name: "fk_identity_overrides_device_id",
                        column: x => x.device_id,
                        principalTable: "devices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_identities_platform",
                table: "identities",
                column: "platform");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identities");

            migrationBuilder.DropTable(
                name: "identity_overrides");
        }
    }
}
