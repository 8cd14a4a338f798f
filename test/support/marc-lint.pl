#!/usr/bin/perl
# Lints MARC 21 records in ISO 2709 files (as yaz-marcdump writes them from the service's
# MARCXML) with Debian's MARC::Lint (libmarc-lint-perl), and checks what MARC::Lint leaves to
# others: a 24-character leader, a 40-character 008, and no control character in any field's
# data (MARC::Lint looks for tab, CR and LF in subfields only).
#
# Prints one line per warning, `{file} {001}: {warning}`, and nothing else; exits 1 when it
# printed any, 2 when a file cannot be read.
#
#   perl test/support/marc-lint.pl records.mrc ...
use strict;
use warnings;
use MARC::File::USMARC;
use MARC::Lint;

my $lint = MARC::Lint->new;
my $problems = 0;

sub report {
    my ($file, $record, $message) = @_;
    $message =~ s/\s+$//;
    my $id = $record->field('001') ? $record->field('001')->data : '(no 001)';
    print "$file $id: $message\n";
    $problems++;
}

for my $file (@ARGV) {
    my $batch = MARC::File::USMARC->in($file) or do { print STDERR "cannot read $file\n"; exit 2 };
    while (my $record = $batch->next) {
        report($file, $record, "decoding: $_") for $record->warnings;
        $lint->check_record($record);
        report($file, $record, $_) for $lint->warnings;
        my $leader = $record->leader;
        report($file, $record, 'leader: ' . length($leader) . ' characters, not 24') unless length($leader) == 24;
        my $f008 = $record->field('008');
        if (!$f008) {
            report($file, $record, '008: missing');
        } elsif (length($f008->data) != 40) {
            report($file, $record, '008: ' . length($f008->data) . ' characters, not 40');
        }
        for my $field ($record->fields) {
            my @data = $field->is_control_field ? ($field->data) : map { $_->[1] } $field->subfields;
            report($file, $record, $field->tag . ': control character in its data') if grep { /[\x00-\x1F\x7F]/ } @data;
        }
    }
    $batch->close;
}
exit($problems ? 1 : 0);
