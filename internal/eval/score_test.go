package eval

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/enrich"
)

func goldFixture() *Gold {
	return &Gold{
		Entities: []GoldEntity{
			{Name: "Vladimir Poutine", Type: "PERSON", Aliases: []string{"Poutine"}},
			{Name: "Kim Jong-un", Type: "PERSON"},
			{Name: "Etats-Unis", Type: "LOCATION", Aliases: []string{"États-Unis"}},
			{Name: "Russie", Type: "LOCATION"},
			{Name: "mardi", Type: "DATE", Optional: true},
		},
		Relations: []GoldRelation{
			{Type: "met", Subject: "Vladimir Poutine", Object: "Kim Jong-un"},
			{Type: "title", Subject: "Vladimir Poutine", Object: "Russie", Value: "président"},
			{Type: "title", Subject: "Kim Jong-un", Value: "dirigeant"},
			{Type: "opposes", Subject: "Russie", Object: "Etats-Unis", Value: "ennemi"},
			{Type: "said", Subject: "Poutine", Value: "Nous apprécions beaucoup votre soutien systématique"},
			{Type: "visited", Subject: "Vladimir Poutine", Object: "Pyongyang", Optional: true},
		},
	}
}

func ent(id, typ, name string, mentions ...string) enrich.Entity {
	e := enrich.Entity{ID: id, Type: typ, Name: name}
	for _, m := range mentions {
		e.Mentions = append(e.Mentions, enrich.Mention{Text: m})
	}
	return e
}

func perfectDoc() *enrich.Document {
	return &enrich.Document{
		Entities: []enrich.Entity{
			ent("e1", "PERSON", "Vladimir Poutine", "Vladimir Poutine", "Poutine"),
			ent("e2", "PERSON", "Kim Jong-un"),
			ent("e3", "LOCATION", "États-Unis"),
			ent("e4", "LOCATION", "Russie"),
		},
		Relations: []enrich.Relation{
			{Type: "met", Subject: "e1", Object: "e2"},
			{Type: "title", Subject: "e1", Object: "e4", Value: "président"},
			{Type: "title", Subject: "e2", Value: "dirigeant suprême"},
			{Type: "opposes", Subject: "e4", Object: "e3", Value: "ennemi existentiel"},
			{Type: "said", Subject: "e1", Value: "« Nous apprécions beaucoup votre soutien"},
		},
	}
}

func TestScore(t *testing.T) {
	tests := []struct {
		name         string
		edit         func(d *enrich.Document)
		ent, rel     Counts
		errorsPrefix []string
	}{
		{name: "perfect", edit: func(*enrich.Document) {}, ent: Counts{TP: 4}, rel: Counts{TP: 5}},
		{name: "false positive entity and relation", edit: func(d *enrich.Document) {
			d.Entities = append(d.Entities, ent("e5", "ORGANIZATION", "Kremlin"))
			d.Relations = append(d.Relations, enrich.Relation{Type: "met", Subject: "e1", Object: "e5"})
		}, ent: Counts{TP: 4, FP: 1}, rel: Counts{TP: 5, FP: 1}},
		{name: "optional gold counts neither way", edit: func(d *enrich.Document) {
			d.Entities = append(d.Entities, ent("e5", "DATE", "mardi"), ent("e6", "LOCATION", "Pyongyang"))
			d.Relations = append(d.Relations, enrich.Relation{Type: "visited", Subject: "e1", Object: "e6"})
		}, ent: Counts{TP: 4, FP: 1}, rel: Counts{TP: 5}},
		{name: "symmetric pair in reverse order", edit: func(d *enrich.Document) {
			d.Relations[0] = enrich.Relation{Type: "met", Subject: "e2", Object: "e1"}
		}, ent: Counts{TP: 4}, rel: Counts{TP: 5}},
		{name: "asymmetric pair in reverse order is wrong", edit: func(d *enrich.Document) {
			d.Relations[3] = enrich.Relation{Type: "opposes", Subject: "e3", Object: "e4"}
		}, ent: Counts{TP: 4}, rel: Counts{TP: 4, FP: 1, FN: 1}},
		{name: "alias name and wrong type", edit: func(d *enrich.Document) {
			d.Entities[0] = ent("e1", "PERSON", "Poutine")
			d.Entities[3] = ent("e4", "ORGANIZATION", "Russie")
		}, ent: Counts{TP: 3, FP: 1, FN: 1}, rel: Counts{TP: 5}},
		{name: "duplicate entity is a false positive", edit: func(d *enrich.Document) {
			d.Entities = append(d.Entities, ent("e9", "PERSON", "Poutine"))
		}, ent: Counts{TP: 4, FP: 1}, rel: Counts{TP: 5}},
		{name: "said needs half the content words", edit: func(d *enrich.Document) {
			d.Relations[4].Value = "votre soutien"
		}, ent: Counts{TP: 4}, rel: Counts{TP: 4, FP: 1, FN: 1}},
		{name: "title without object needs the head word", edit: func(d *enrich.Document) {
			d.Relations[2].Value = "chef"
		}, ent: Counts{TP: 4}, rel: Counts{TP: 4, FP: 1, FN: 1}},
		{name: "missing everything", edit: func(d *enrich.Document) {
			d.Entities, d.Relations = nil, nil
		}, ent: Counts{FN: 4}, rel: Counts{FN: 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := perfectDoc()
			tt.edit(d)
			r := Score(goldFixture(), "fr", d)
			require.Equal(t, tt.ent, r.EntityOverall(), "entities %v", r.Errors)
			require.Equal(t, tt.rel, r.RelationOverall(), "relations %v", r.Errors)
		})
	}
}

func TestValueMatches(t *testing.T) {
	tests := []struct {
		typ, gold, out, lang string
		want                 bool
	}{
		{"title", "ministre des affaires étrangères", "ministre", "fr", true},
		{"title", "ministre des affaires étrangères", "affaires étrangères", "fr", false},
		{"title", "Foreign Minister", "minister", "en", true},
		{"title", "Secretary of State", "secretary", "en", true},
		{"title", "CEO", "chief executive", "en", false},
		{"said", "l’invincibilité et la durabilité", "l'invincibilite", "fr", true},
		{"said", "we will win this war together", "we will", "en", false},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, valueMatches(tt.typ, tt.gold, tt.out, tt.lang), "%+v", tt)
	}
}

func TestNormalize(t *testing.T) {
	require.Equal(t, "etats unis", Normalize("États-Unis"))
	require.Equal(t, Normalize("Etats Unis"), Normalize(" États–Unis. "))
	require.Equal(t, "l invincibilite", Normalize("l’invincibilité"))
}

func TestLoadDirSeed(t *testing.T) {
	cases, err := LoadDir("../../../shared/fixtures")
	if err != nil {
		t.Skip("shared fixtures not present:", err)
	}
	require.Len(t, cases, 1)
	require.Equal(t, "fr", cases[0].Lang)
	require.NotEmpty(t, cases[0].Gold.Relations)
	_, err = LoadDir(t.TempDir())
	require.ErrorIs(t, err, ErrNoCases)
}
