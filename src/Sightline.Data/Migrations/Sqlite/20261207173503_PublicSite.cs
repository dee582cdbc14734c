using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicSite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "public_settings",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    licence = table.Column<string>(type: "TEXT", nullable: false),
                    licence_url = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_public_settings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "publication_rules",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    system_id = table.Column<int>(type: "INTEGER", nullable: true),
                    device_id = table.Column<int>(type: "INTEGER", nullable: true),
                    location = table.Column<string>(type: "TEXT", nullable: true),
                    withheld = table.Column<string>(type: "TEXT", nullable: false),
                    basis = table.Column<string>(type: "TEXT", nullable: true),
                    review = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_publication_rules", x => x.id);
                    table.ForeignKey(
                        name: "fk_publication_rules_device_id",
                        column: x => x.device_id,
                        principalTable: "devices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_publication_rules_system_id",
                        column: x => x.system_id,
                        principalTable: "systems",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_publication_rules_device_id",
                table: "publication_rules",
                column: "device_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_publication_rules_system_id",
                table: "publication_rules",
                column: "system_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "public_settings");

            migrationBuilder.DropTable(
                name: "publication_rules");
        }
    }
}
