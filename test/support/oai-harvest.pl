#!/usr/bin/perl
# Harvests an OAI-PMH repository with Debian's HTTP::OAI (libhttp-oai-perl), an implementation
# independent of this project: every verb, every metadata format the repository lists, every
# list followed through its resumption tokens to the end. Prints one JSON document on stdout
# (what was harvested, how many HTTP requests each list took, every error and warning).
#
#   perl test/support/oai-harvest.pl --base http://127.0.0.1:3000/oai [--post] [--set SPEC]... [--get-every N]
#
# --post sends every request as an application/x-www-form-urlencoded POST. HTTP::OAI 4.12 sends
# only GET; the POST is made by an LWP request_prepare handler that moves the query string into
# the body, so HTTP::OAI still parses every response.
use strict;
use warnings;
use Getopt::Long qw(GetOptions);
use HTTP::OAI;
use HTTP::OAI::Metadata::OAI_DC;
use JSON::PP;

my ( $base, $post, $get_every, @sets ) = ( undef, 0, 50 );
GetOptions( 'base=s' => \$base, 'post' => \$post, 'set=s' => \@sets, 'get-every=i' => \$get_every ) && $base
  or die "usage: $0 --base URL [--post] [--set SPEC]... [--get-every N]\n";

my ( @errors, @warnings );
local $SIG{__WARN__} = sub { push @warnings, join '', @_ };

my $harvester = HTTP::OAI::Harvester->new(
  repository => HTTP::OAI::Identify->new( baseURL => $base, version => '2.0' ),
  timeout    => 60,
);

my %requests = ( count => 0, methods => {}, statuses => {}, encodings => {} );
$harvester->add_handler(
  request_prepare => sub {
    my ($request) = @_;
    return unless $post && $request->method eq 'GET';
    my $query = $request->uri->query // '';
    $request->uri->query(undef);
    $request->method('POST');
    $request->header( 'Content-Type' => 'application/x-www-form-urlencoded' );
    $request->content($query);
    $request->header( 'Content-Length' => length $query );
  }
);
$harvester->add_handler(
  response_done => sub {
    my ($response) = @_;
    $requests{count}++;
    $requests{methods}{ $response->request->method }++;
    $requests{statuses}{ $response->code }++;
    $requests{encodings}{ $response->header('Content-Encoding') // 'identity' }++;
  }
);

# An HTTP failure, an unparsable response or an OAI-PMH error element, as one line each.
sub problems_of {
  my ( $what, $r ) = @_;
  my @found;
  push @found, "$what: HTTP " . $r->code . ' ' . ( $r->message // '' ) if $r->is_error;
  push @found, "$what: OAI-PMH error " . $_->code . ': ' . ( $_->message // '' ) for $r->error;
  push @found, "$what: protocol version " . ( $r->version // 'unknown' ) if !$r->is_error && ( $r->version // '' ) ne '2.0';
  push @errors, @found;
  return @found;
}

# The namespace and local name of a record's metadata element (the first element under <metadata>).
sub metadata_root {
  my ($metadata) = @_;
  return undef unless defined $metadata && defined $metadata->dom;
  my ($node) = $metadata->dom->findnodes('descendant-or-self::*[local-name() != "metadata"][1]');
  return undef unless $node;
  return '{' . ( $node->namespaceURI // '' ) . '}' . $node->localname;
}

my %out = ( method => $post ? 'POST' : 'GET', baseURL => $base );

# Identify
{
  my $r = $harvester->Identify;
  problems_of( 'Identify', $r );
  $out{identify} = {
    repositoryName    => $r->repositoryName,
    baseURL           => $r->baseURL,
    protocolVersion   => $r->protocolVersion,
    earliestDatestamp => $r->earliestDatestamp,
    deletedRecord     => $r->deletedRecord,
    granularity       => $r->granularity,
    adminEmail        => [ $r->adminEmail ],
  };
}

# ListMetadataFormats, of the repository
my @prefixes;
{
  my $r = $harvester->ListMetadataFormats;
  problems_of( 'ListMetadataFormats', $r );
  while ( my $format = $r->next ) {
    push @prefixes, $format->metadataPrefix;
    push @{ $out{metadataFormats} }, { metadataPrefix => $format->metadataPrefix, schema => $format->schema, metadataNamespace => $format->metadataNamespace };
  }
}

# ListSets, every page
{
  my $start = $requests{count};
  my @specs;
  my $r = $harvester->ListSets( onRecord => sub { push @specs, $_[0]->setSpec } );
  problems_of( 'ListSets', $r );
  # The last page's token: empty (the list is complete), with the list's size. A token object is false when empty.
  my $token = $r->is_success ? $r->resumptionToken : undef;
  $out{listSets} = {
    count            => scalar @specs,
    specs            => \@specs,
    requests         => $requests{count} - $start,
    completeListSize => defined $token ? $token->completeListSize : undef,
  };
}

# One list (ListIdentifiers or ListRecords) followed to its end.
sub harvest_list {
  my ( $verb, %args ) = @_;
  my $start = $requests{count};
  my %list  = ( verb => $verb, %args, identifiers => [], deleted => [], metadataRoots => {}, withoutMetadata => [], titles => 0 );
  my $on_item = sub {
    my ($item) = @_;
    my $header = $verb eq 'ListRecords' ? $item->header : $item;
    push @{ $list{identifiers} }, $header->identifier;
    push @{ $list{deleted} }, $header->identifier if $header->is_deleted;
    return unless $verb eq 'ListRecords' && !$header->is_deleted;
    my $root = metadata_root( $item->metadata );
    if ( !defined $root ) { push @{ $list{withoutMetadata} }, $header->identifier; return }
    $list{metadataRoots}{$root}++;
    # oai_dc is parsed by HTTP::OAI's own Dublin Core reader.
    $list{titles}++ if $args{metadataPrefix} eq 'oai_dc' && @{ $item->metadata->dc->{title} || [] };
  };
  my %handlers = $verb eq 'ListRecords' && $args{metadataPrefix} eq 'oai_dc' ? ( handlers => { metadata => 'HTTP::OAI::Metadata::OAI_DC' } ) : ();
  my $r = $harvester->$verb( %args, %handlers, onRecord => $on_item );
  problems_of( join( ' ', $verb, map {"$_=$args{$_}"} sort keys %args ), $r );
  my $token = $r->is_success ? $r->resumptionToken : undef;
  $list{count}            = scalar @{ $list{identifiers} };
  $list{requests}         = $requests{count} - $start;
  $list{completeListSize} = defined $token ? $token->completeListSize : undef;
  return \%list;
}

for my $prefix (@prefixes) {
  push @{ $out{lists} }, harvest_list( 'ListIdentifiers', metadataPrefix => $prefix );
  push @{ $out{lists} }, harvest_list( 'ListRecords',     metadataPrefix => $prefix );
}
push @{ $out{lists} }, harvest_list( 'ListIdentifiers', metadataPrefix => 'oai_dc', set => $_ ) for @sets;

# GetRecord and ListMetadataFormats for single items: every deleted one, and every Nth of the rest.
{
  my ($all) = grep { $_->{verb} eq 'ListIdentifiers' && !exists $_->{set} } @{ $out{lists} };
  my @identifiers = $all ? @{ $all->{identifiers} } : ();
  my %deleted     = map { $_ => 1 } $all ? @{ $all->{deleted} } : ();
  my @chosen      = grep { $deleted{ $identifiers[$_] } || $_ % $get_every == 0 || $identifiers[$_] =~ /:110020$/ } 0 .. $#identifiers;
  for my $identifier ( @identifiers[@chosen] ) {
    my $formats = $harvester->ListMetadataFormats( identifier => $identifier );
    my @item_prefixes;
    unless ( problems_of( "ListMetadataFormats identifier=$identifier", $formats ) ) {
      while ( my $format = $formats->next ) { push @item_prefixes, $format->metadataPrefix }
    }
    for my $prefix (@prefixes) {
      my %handlers = $prefix eq 'oai_dc' ? ( handlers => { metadata => 'HTTP::OAI::Metadata::OAI_DC' } ) : ();
      my $r = $harvester->GetRecord( identifier => $identifier, metadataPrefix => $prefix, %handlers );
      next if problems_of( "GetRecord identifier=$identifier metadataPrefix=$prefix", $r );
      my $record = $r->next;
      unless ($record) { push @errors, "GetRecord identifier=$identifier metadataPrefix=$prefix: no record"; next }
      push @{ $out{getRecord} },
        {
        identifier      => $record->identifier,
        metadataPrefix  => $prefix,
        deleted         => $record->is_deleted ? JSON::PP::true : JSON::PP::false,
        metadataRoot    => $record->is_deleted ? undef : metadata_root( $record->metadata ),
        metadataFormats => \@item_prefixes,
        };
    }
  }
}

$out{requests} = \%requests;
$out{errors}   = \@errors;
$out{warnings} = \@warnings;
print JSON::PP->new->utf8->canonical->encode( \%out ), "\n";
exit( @errors ? 1 : 0 );
